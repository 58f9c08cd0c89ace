namespace LlmLab.Evaluation.Domain;

public enum EvaluationStatus
{
    Running,
    Completed,
    CompletedWithErrors,
    Cancelled,
}

public static class EvaluationLifecycle
{
    public static bool IsFinal(this EvaluationStatus status) => status != EvaluationStatus.Running;

    /// <summary>How a run that has no pending item left ended.</summary>
    public static EvaluationStatus Outcome(int failedItems) =>
        failedItems == 0 ? EvaluationStatus.Completed : EvaluationStatus.CompletedWithErrors;
}
