namespace LlmLab.Evaluation.Domain;

public enum EvaluationStatus
{
    Running,
    Completed,
    CompletedWithErrors,
    Cancelled,
    /// <summary>No new item starts; items already running finish and are recorded; resume queues the rest again.</summary>
    Paused,
}

/// <summary>
/// The evaluation's lifecycle: running ⇄ paused → completed | completed_with_errors | cancelled (a paused evaluation's
/// last items in flight may finish it).
/// </summary>
public static class EvaluationLifecycle
{
    public static bool IsFinal(this EvaluationStatus status) => status is not (EvaluationStatus.Running or EvaluationStatus.Paused);

    /// <summary>How a run that has no pending item left ended.</summary>
    public static EvaluationStatus Outcome(int failedItems) =>
        failedItems == 0 ? EvaluationStatus.Completed : EvaluationStatus.CompletedWithErrors;
}
