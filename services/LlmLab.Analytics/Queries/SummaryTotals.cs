using LlmLab.Analytics.Apis;

namespace LlmLab.Analytics.Queries;

/// <summary>
/// The summary's counts and sums, read from the rows or the rollups (<see cref="ScoreSource"/>); the means and rounding
/// are finished here, once for both, so both give the same answer.
/// </summary>
public sealed record SummaryTotals(long Responses, long PromptTokens, long CompletionTokens, double CostUsd, long OverallN, double? OverallSum,
    long ExactMatchN, double? ExactMatchSum, long F1N, double? F1Sum)
{
    /// <summary>The mean of <paramref name="n"/> values summing to <paramref name="sum"/>; null without any.</summary>
    public static double? Mean(long n, double? sum) => n == 0 || sum is not { } s ? null : s / n;

    /// <param name="latency">p50 and p95 over <paramref name="latencyRows"/> responses (every one, or the hash sample); null without any.</param>
    public AnalyticsSummary ToSummary(string timeframe, long runs, double[]? latency, long latencyRows) => new(
        timeframe, Responses, runs, Round(Mean(OverallN, OverallSum), 2),
        new ReferenceAccuracy(ExactMatchN, Round(Mean(ExactMatchN, ExactMatchSum), 4), Round(Mean(F1N, F1Sum), 4)),
        Round(latency?[0], 1), Round(latency?[1], 1), latencyRows, PromptTokens, CompletionTokens, Math.Round(CostUsd, 6));

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}
