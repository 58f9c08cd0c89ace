namespace LlmLab.Analytics.Domain;

/// <summary>The analytics read model: one row per scored response, fed by ResponseScored events.</summary>
public sealed class ScoredResponse
{
    public Guid ResponseId { get; set; }
    /// <summary>The event's message id; unique, so a redelivered event is stored once.</summary>
    public Guid MessageId { get; set; }
    public Guid RunId { get; set; }
    public Guid ExperimentId { get; set; }
    public required string TenantId { get; set; }
    public required string Provider { get; set; }
    public required string Model { get; set; }
    public double Temperature { get; set; }
    public double TopP { get; set; }
    public int MaxTokens { get; set; }
    public double FrequencyPenalty { get; set; }
    public double PresencePenalty { get; set; }
    public int PromptTokens { get; set; }
    public int CompletionTokens { get; set; }
    public double ResponseTimeMs { get; set; }
    public double CostUsd { get; set; }
    public double? OverallScore { get; set; }
    public double? CoherenceScore { get; set; }
    public double? CompletenessScore { get; set; }
    public double? ReadabilityScore { get; set; }
    public double? LengthAppropriatenessScore { get; set; }
    public double? CreativityScore { get; set; }
    public double? SpecificityScore { get; set; }
    public double? RelevanceScore { get; set; }
    /// <summary>The item within its grid ("combination:repetition"); pairs the items of two runs of one grid.</summary>
    public string? ItemKey { get; set; }
    /// <summary>What the item is (ItemIdentity: parameters and repetition, or dataset item); comparisons pair on it.</summary>
    public string? ItemIdentity { get; set; }
    public Dictionary<string, double> Metrics { get; set; } = [];
    public required string AnalysisVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
