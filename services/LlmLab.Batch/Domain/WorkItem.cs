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
    /// <summary>For a failed or cancelled item: one of <see cref="CallFailure"/>'s kinds.</summary>
    public string? ErrorKind { get; set; }
    public string? ErrorMessage { get; set; }
    /// <summary>The HTTP status the provider answered, when it answered.</summary>
    public int? ProviderStatus { get; set; }
    /// <summary>Provider attempts the failed call made (retries included).</summary>
    public int? Attempts { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

public enum WorkItemStatus
{
    Pending,
    Completed,
    Failed,
    /// <summary>Not run: its run was cancelled first.</summary>
    Cancelled,
}
