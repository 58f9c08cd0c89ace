namespace LlmLab.Evaluation.Domain;

/// <summary>A question with its reference answer and aliases (any one counts), optional context and supporting facts.</summary>
public sealed class DatasetItem
{
    public Guid Id { get; set; }
    public Guid DatasetId { get; set; }
    public int Version { get; set; }
    /// <summary>Position in the version (0-based), the order items are listed and sampled in.</summary>
    public int Position { get; set; }
    /// <summary>The item's identity within the dataset (the uploaded id, or its 1-based position), stable across versions.</summary>
    public required string Key { get; set; }
    public required string Question { get; set; }
    public List<string> Answers { get; set; } = [];
    public string? Context { get; set; }
    public List<SupportingFact> SupportingFacts { get; set; } = [];
    public Dictionary<string, string> Metadata { get; set; } = [];
}

/// <summary>A fact needed to answer: the title of the document holding it and its sentence.</summary>
public sealed record SupportingFact(string Title, string Text);
