namespace LlmLab.Cli.Config;

/// <summary>What an evaluation gate can check: the summary figures of GET /api/evaluations/{id}, per method.</summary>
public static class EvaluationMetrics
{
    public static readonly IReadOnlyList<string> All =
        ["exact_match", "f1", "substring", "numeric", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "cost_usd", "failure_rate"];

    public static readonly IReadOnlyList<string> Methods = ["naive", "cot", "cot_few_shot", "rag", "rag_hybrid", "rag_rerank", "agent"];
}
