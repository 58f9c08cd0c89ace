namespace LlmLab.Contracts.Messages;

/// <summary>
/// Event: every work item of an evaluation has a final result (completed or completed_with_errors). Analytics evaluates
/// the evaluation's gate and alerts from it, reading the per-item results from the evaluation service.
/// </summary>
public sealed record EvaluationFinished(Guid EvaluationId, Guid DatasetId, string TenantId, string Status, int Completed, int Failed, DateTimeOffset FinishedAt);
