namespace LlmLab.Analytics.Annotation;

/// <summary>
/// A manager's request that people review the responses of one run (batch or evaluation): which reviewers, how many of
/// them per response, and optionally a seeded sample of the responses. Its assignments say who reviews what.
/// </summary>
public sealed class AnnotationQueue
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string Name { get; set; }
    public Guid RunId { get; set; }
    /// <summary>"batch" or "evaluation": the service the run's responses were read from.</summary>
    public required string RunKind { get; set; }
    public int? SampleSize { get; set; }
    public int Seed { get; set; }
    public int ReviewersPerResponse { get; set; }
    /// <summary>Subject ids ("user:…" or "key:…") of the tenant's reviewers, in the order responses are dealt to them.</summary>
    public List<string> Reviewers { get; set; } = [];
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
