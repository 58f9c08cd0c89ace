namespace LlmLab.Evaluation.Queries;

/// <summary>Accuracy as shares 0..1 (means of quality-analysis's 0–100 scores); numeric is null when quality-analysis gave none.</summary>
public sealed record AccuracyView(double? ExactMatch, double? F1, double? Substring, double? Numeric);

public sealed record LatencyView(double? P50, double? P95, double? P99);

public sealed record TokensView(long Prompt, long Completion, long Total, double? MeanPerItem);

public sealed record RetrievalView(int N, double HitRate, double Mrr);

/// <summary>
/// Share of the answers' claims the retrieved passages support (lexical rule, 0..1) over the n answers that made a claim;
/// judge: the LLM judge's mean faithfulness (0..1) when the evaluation has a judge and it answered.
/// </summary>
public sealed record FaithfulnessView(double Mean, int N, double? Judge);

public sealed record AgentView(int N, double SuccessRate, double MeanSteps, double ToolErrorRate, double StuckRate);

public sealed record MethodSummary(string Label, string Method, int N, int Completed, int Stuck, int Failed, int Pending,
    AccuracyView Accuracy, LatencyView LatencyMs, TokensView Tokens, double CostUsd, RetrievalView? Retrieval, AgentView? Agent)
{
    public FaithfulnessView? Faithfulness { get; init; }
}

public sealed record PairComparison(string MethodA, string MethodB, int N, int BothCorrect, int OnlyA, int OnlyB, int NeitherCorrect,
    double AccuracyA, double AccuracyB, double Difference, double? CiLower, double? CiUpper, double McnemarP, double HolmP);

public sealed record ComparisonView(Guid EvaluationId, string Metric, IReadOnlyList<PairComparison> Pairs);
