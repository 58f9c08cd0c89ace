namespace LlmLab.Analytics.EvaluationGates;

/// <summary>
/// An evaluation that has finished (from EvaluationFinished), processed once: its gate evaluated and its alerts raised.
/// Setting or changing the evaluation's gate afterwards makes it pending again, so a gate set after the finish still applies.
/// </summary>
public sealed class FinishedEvaluation
{
    public Guid EvaluationId { get; set; }
    public required string TenantId { get; set; }
    public Guid DatasetId { get; set; }
    /// <summary>completed or completed_with_errors.</summary>
    public required string Status { get; set; }
    public int Completed { get; set; }
    public int Failed { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}
