using LlmLab.Batch.Domain;

namespace LlmLab.Batch.Apis;

/// <summary>The status shape of API.md. "Combinations" here count calls (combination × repetition).</summary>
public sealed record RunStatusView(
    Guid Id, Guid ExperimentId, RunStatus Status, double Progress,
    int CompletedCombinations, int FailedCombinations, int TotalCombinations,
    ParameterSet? CurrentParameters, DateTimeOffset? EstimatedCompletion, ResultsPreview ResultsPreview,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    /// <summary>Monotonic per run: one more for each finished item, and one for the final status. Used as the SSE event id.</summary>
    public long Sequence => CompletedCombinations + FailedCombinations + (Status.IsFinal() ? 1 : 0);
}

/// <summary>One kind of failure in a run: how many items ended so, and one of their messages.</summary>
public sealed record FailureSummary(string Kind, int Count, string ExampleMessage);

public sealed record ParameterSet(double Temperature, double TopP, int MaxTokens, double FrequencyPenalty, double PresencePenalty);

public sealed record ResultsPreview(double? BestQualityScore, double? AverageQualityScore, ParameterSet? OptimalParameters);

public sealed record ResponseView(
    Guid Id, Guid ExperimentId, Guid RunId, string Content, double Temperature, double TopP,
    double FrequencyPenalty, double PresencePenalty, int MaxTokens, long Seed, string Provider, string Model,
    string FinishReason, int PromptTokens, int CompletionTokens, int TotalTokens, double ResponseTimeMs, double CostUsd,
    string? ErrorMessage, DateTimeOffset CreatedAt, MetricsView? Metrics);

public sealed record MetricsView(
    Guid ResponseId, double? CoherenceScore, double? CompletenessScore, double? ReadabilityScore,
    double? LengthAppropriatenessScore, double? CreativityScore, double? SpecificityScore, double? RelevanceScore,
    double? OverallScore, int WordCount, int SentenceCount, double? ConfidenceScore, string AnalysisVersion,
    IReadOnlyDictionary<string, double> All, IReadOnlyDictionary<string, string> Errors, IReadOnlyDictionary<string, string> Details);

public static class ViewMapping
{
    public static ResponseView ToView(this StoredResponse r) => new(
        r.Id, r.ExperimentId, r.RunId, r.Content, r.Temperature, r.TopP, r.FrequencyPenalty, r.PresencePenalty, r.MaxTokens,
        r.Seed, r.Provider, r.Model, r.FinishReason, r.PromptTokens, r.CompletionTokens, r.TotalTokens, r.ResponseTimeMs,
        r.CostUsd, r.ErrorMessage, r.CreatedAt, r.Metrics?.ToView());

    public static MetricsView ToView(this ResponseMetrics m) => new(
        m.ResponseId, m.CoherenceScore, m.CompletenessScore, m.ReadabilityScore, m.LengthAppropriatenessScore,
        m.CreativityScore, m.SpecificityScore, m.RelevanceScore, m.OverallScore, m.WordCount, m.SentenceCount,
        m.ConfidenceScore, m.AnalysisVersion, m.All, m.Errors, m.Details);
}
