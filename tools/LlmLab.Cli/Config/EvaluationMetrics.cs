namespace LlmLab.Cli.Config;

/// <summary>What an evaluation gate can check, per method (the platform's names: PUT /api/evaluations/{id}/gates).</summary>
public static class EvaluationMetrics
{
    public static readonly IReadOnlyList<string> All =
        [
            "exact_match", "f1", "substring", "numeric", "agent_success_rate", "retrieval_hit_rate", "retrieval_mrr", "faithfulness",
            "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "cost_usd", "failure_rate",
        ];

    public static readonly IReadOnlyList<string> Methods = ["naive", "cot", "cot_few_shot", "rag", "rag_hybrid", "rag_rerank", "agent"];
}
