namespace LlmLab.Batch.Domain;

/// <summary>pending → running ⇄ paused → completed | completed_with_errors | failed | cancelled.</summary>
public enum RunStatus
{
    Pending,
    Running,
    Paused,
    Completed,
    CompletedWithErrors,
    Failed,
    Cancelled,
}

public static class RunStatusExtensions
{
    public static bool IsFinal(this RunStatus status) =>
        status is RunStatus.Completed or RunStatus.CompletedWithErrors or RunStatus.Failed or RunStatus.Cancelled;

    public static RunStatus Outcome(int completed, int failed) =>
        failed == 0 ? RunStatus.Completed : completed == 0 ? RunStatus.Failed : RunStatus.CompletedWithErrors;
}
