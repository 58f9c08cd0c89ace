using LlmLab.Batch.Domain;

namespace LlmLab.Batch.Apis;

/// <summary>A configuration's parameters; prompt only when the grid varies it.</summary>
public sealed record SearchParameters(double Temperature, double TopP, int MaxTokens, double FrequencyPenalty, double PresencePenalty, string Model, string? Prompt);

public sealed record SearchBestView(SearchParameters Parameters, double Score, int N);

public sealed record SearchTrajectoryView(int CallsSpent, double? BestScore, SearchParameters? Parameters);

/// <summary>A configuration the search called: its mean overall score over n scored calls (calls counts failed ones too).</summary>
public sealed record SearchEvaluatedView(SearchParameters Parameters, double? MeanScore, int N, int Calls);

public sealed record ParameterSearchView(Guid Id, Guid BatchId, Guid RunId, string Strategy, int BudgetCalls, int GridCalls, int CallsSpent, long Seed,
    ParameterSearchState State, string? StopReason, SearchBestView? Best, IReadOnlyList<SearchTrajectoryView> Trajectory,
    IReadOnlyList<SearchEvaluatedView> Evaluated, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

public sealed record ParameterSearchSummary(Guid Id, Guid RunId, string Strategy, int BudgetCalls, ParameterSearchState State, string? StopReason,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);
