namespace LlmLab.Evaluation.Domain;

/// <summary>A dataset version × methods run against one provider/model with fixed generation parameters.</summary>
public sealed class Evaluation
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string Name { get; set; }
    public Guid DatasetId { get; set; }
    public int DatasetVersion { get; set; }
    public int? SampleSize { get; set; }
    public int Seed { get; set; }
    public required string Provider { get; set; }
    public required string Model { get; set; }
    public GenerationSettings Parameters { get; set; } = new();
    /// <summary>Optional LLM judge of the RAG methods' faithfulness; null: the lexical rule only.</summary>
    public JudgeSettings? Judge { get; set; }
    public List<MethodSpec> Methods { get; set; } = [];
    public EvaluationStatus Status { get; set; }
    public int TotalItems { get; set; }
    public int CompletedItems { get; set; }
    public int FailedItems { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>The generation parameters every call of an evaluation uses.</summary>
public sealed record GenerationSettings(double Temperature = 0, double TopP = 1, int MaxTokens = 256, long Seed = 1);
