namespace LlmLab.Evaluation.Domain;

/// <summary>A named, versioned set of questions with reference answers; builtin ones belong to no tenant and every tenant sees them.</summary>
public sealed class Dataset
{
    public Guid Id { get; set; }
    /// <summary>Empty for a builtin dataset.</summary>
    public required string TenantId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool Builtin { get; set; }
    public int LatestVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<DatasetVersion> Versions { get; set; } = [];
}
