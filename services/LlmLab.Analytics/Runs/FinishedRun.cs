namespace LlmLab.Analytics.Runs;

/// <summary>
/// A batch run that has finished (from BatchRunFinished), waiting until its scored responses have all arrived and then
/// processed once: its gate evaluated and its alerts raised. A later finish of the same run (after retry-errors) sets
/// it pending again.
/// </summary>
public sealed class FinishedRun
{
    public Guid RunId { get; set; }
    public required string TenantId { get; set; }
    public Guid ExperimentId { get; set; }
    /// <summary>The run's final status in snake_case (completed, completed_with_errors, failed, cancelled).</summary>
    public required string Status { get; set; }
    public int Completed { get; set; }
    public int Failed { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }

    public double FailureRate => Completed + Failed == 0 ? 0 : (double)Failed / (Completed + Failed);
}
