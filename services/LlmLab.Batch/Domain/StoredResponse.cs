namespace LlmLab.Batch.Domain;

/// <summary>A generated response with the parameters and usage of its call; at most one per work item.</summary>
public sealed class StoredResponse
{
    public Guid Id { get; set; }
    public Guid WorkItemId { get; set; }
    public Guid RunId { get; set; }
    public Guid ExperimentId { get; set; }
    public required string TenantId { get; set; }
    public required string Content { get; set; }
    public double Temperature { get; set; }
    public double TopP { get; set; }
    public double FrequencyPenalty { get; set; }
    public double PresencePenalty { get; set; }
    public int MaxTokens { get; set; }
    public long Seed { get; set; }
    public required string Provider { get; set; }
    public required string Model { get; set; }
    public required string FinishReason { get; set; }
    public int PromptTokens { get; set; }
    public int CompletionTokens { get; set; }
    public int TotalTokens { get; set; }
    public double ResponseTimeMs { get; set; }
    public double CostUsd { get; set; }
    public string? ErrorMessage { get; set; }
    /// <summary>Not stored: set on the export row of a failed item, which has no response of its own.</summary>
    public string? ErrorKind { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public ResponseMetrics? Metrics { get; set; }
}
