namespace LlmLab.Analytics.EvaluationGates;

/// <summary>An evaluation's figures as the evaluation service serves them for its gate (GET /internal/evaluations/{id}/gate-results).</summary>
public sealed record EvaluationResults(Guid Id, Guid DatasetId, string Status, DateTimeOffset? FinishedAt, List<MethodResults> Summary, List<EvaluationItemResult> Items);

/// <summary>One method's summary: the fields a gate can check.</summary>
public sealed record MethodResults(string Label, string Method, int N, int Failed, AccuracyFigures? Accuracy, LatencyFigures? LatencyMs, double CostUsd,
    AgentFigures? Agent, RetrievalFigures? Retrieval, FaithfulnessFigures? Faithfulness);

public sealed record AccuracyFigures(double? ExactMatch, double? F1, double? Substring, double? Numeric);

public sealed record LatencyFigures(double? P50, double? P95, double? P99);

public sealed record AgentFigures(double SuccessRate);

public sealed record RetrievalFigures(double HitRate, double Mrr);

public sealed record FaithfulnessFigures(double Mean);

/// <summary>One work item: dataset item id, method label, answered, and correct by exact match.</summary>
public sealed record EvaluationItemResult(string ItemId, string Method, bool Answered, bool Correct);
