using LlmLab.Analytics.Gates;

namespace LlmLab.Analytics.EvaluationGates;

/// <summary>
/// What an evaluation gate checks, per method, from the method's summary (GET /api/evaluations/{id}): accuracy shares,
/// the agent's success rate, retrieval and faithfulness, latency percentiles, total cost and the failure rate. The
/// names are the API's (and the CLI's); the first names are shares between 0 and 1.
/// </summary>
public static class EvaluationGateMetrics
{
    public static readonly IReadOnlyList<string> Shares =
        ["exact_match", "f1", "substring", "numeric", "agent_success_rate", "retrieval_hit_rate", "retrieval_mrr", "faithfulness", GateMetrics.FailureRate];

    public static readonly IReadOnlyList<string> All =
        [.. Shares, GateMetrics.LatencyP50, GateMetrics.LatencyP95, GateMetrics.LatencyP99, GateMetrics.CostUsd];

    /// <summary>The method's figure, or null when its summary does not carry it (e.g. agent_success_rate of a non-agent method).</summary>
    public static double? Measure(MethodResults method, string metric) => metric switch
    {
        "exact_match" => method.Accuracy?.ExactMatch,
        "f1" => method.Accuracy?.F1,
        "substring" => method.Accuracy?.Substring,
        "numeric" => method.Accuracy?.Numeric,
        "agent_success_rate" => method.Agent?.SuccessRate,
        "retrieval_hit_rate" => method.Retrieval?.HitRate,
        "retrieval_mrr" => method.Retrieval?.Mrr,
        "faithfulness" => method.Faithfulness?.Mean,
        GateMetrics.LatencyP50 => method.LatencyMs?.P50,
        GateMetrics.LatencyP95 => method.LatencyMs?.P95,
        GateMetrics.LatencyP99 => method.LatencyMs?.P99,
        GateMetrics.CostUsd => method.N == 0 ? null : method.CostUsd,
        GateMetrics.FailureRate => method.N == 0 ? null : (double)method.Failed / method.N,
        _ => null,
    };
}
