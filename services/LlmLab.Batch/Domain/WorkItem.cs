namespace LlmLab.Batch.Domain;

/// <summary>One call: a grid combination and a repetition, with the seed it was given.</summary>
public sealed class WorkItem
{
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    public required string TenantId { get; set; }
    public int CombinationIndex { get; set; }
    /// <summary>Set when the grid varies the prompt or model; otherwise the run's own is used.</summary>
    public string? Prompt { get; set; }
    public string? Model { get; set; }
    public int Repetition { get; set; }
    public double Temperature { get; set; }
    public double TopP { get; set; }
    public int MaxTokens { get; set; }
    public double FrequencyPenalty { get; set; }
    public double PresencePenalty { get; set; }
    public long Seed { get; set; }
    public WorkItemStatus Status { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

public enum WorkItemStatus
{
    Pending,
    Completed,
    Failed,
}
