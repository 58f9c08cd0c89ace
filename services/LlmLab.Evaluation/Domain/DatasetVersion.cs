namespace LlmLab.Evaluation.Domain;

/// <summary>One immutable version of a dataset's items; an evaluation records the version it ran on.</summary>
public sealed class DatasetVersion
{
    public Guid Id { get; set; }
    public Guid DatasetId { get; set; }
    public int Version { get; set; }
    public int ItemCount { get; set; }
    /// <summary>upload format (json, jsonl, csv) or "items" for a JSON body.</summary>
    public required string Source { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
