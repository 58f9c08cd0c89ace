namespace LlmLab.Contracts.Messages;

/// <summary>Event: a response was generated, scored and stored. The response id makes handling idempotent.</summary>
public sealed record ResponseScored
{
    public required Guid ResponseId { get; init; }
    public required Guid WorkItemId { get; init; }
    public required Guid RunId { get; init; }
    public required Guid ExperimentId { get; init; }
    public required string TenantId { get; init; }
    public required string Provider { get; init; }
    public required string Model { get; init; }
    public required double Temperature { get; init; }
    public required double TopP { get; init; }
    public required int MaxTokens { get; init; }
    public required double FrequencyPenalty { get; init; }
    public required double PresencePenalty { get; init; }
    public required int PromptTokens { get; init; }
    public required int CompletionTokens { get; init; }
    public required double ResponseTimeMs { get; init; }
    public required double CostUsd { get; init; }
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }
    public required string AnalysisVersion { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>Names the item within its grid (combination and repetition), so two runs of the same grid pair item by item.</summary>
    public string? ItemKey { get; init; }

    /// <summary>
    /// What the item is, independent of the grid it came from (<see cref="Messages.ItemIdentity"/>): comparisons of two runs
    /// pair responses with equal identities. Null on events published before it existed.
    /// </summary>
    public string? ItemIdentity { get; init; }

    public static string ItemKeyOf(int combinationIndex, int repetition) => $"{combinationIndex}:{repetition}";
}
