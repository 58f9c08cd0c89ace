namespace LlmLab.Analytics.Gates;

/// <summary>
/// What a gate can check: a run-level figure (latency percentiles, total cost, failure rate) or the mean of any metric
/// the run's responses carry (overall_score, f1, exact_match…). The names are the API's.
/// </summary>
public static class GateMetrics
{
    public const string LatencyP50 = "latency_p50_ms";
    public const string LatencyP95 = "latency_p95_ms";
    public const string LatencyP99 = "latency_p99_ms";
    public const string CostUsd = "cost_usd";
    public const string FailureRate = "failure_rate";
    public const string DefaultRegressionMetric = "overall_score";
    public const string AtLeast = ">=";
    public const string AtMost = "<=";
    public const string NoSignificantRegression = "no_significant_regression";

    public static readonly IReadOnlyList<string> RunLevel = [LatencyP50, LatencyP95, LatencyP99, CostUsd, FailureRate];

    /// <summary>The percentile a latency metric names, or null for any other metric.</summary>
    public static double? LatencyPercentile(string metric) => metric switch
    {
        LatencyP50 => 0.50,
        LatencyP95 => 0.95,
        LatencyP99 => 0.99,
        _ => null,
    };
}
