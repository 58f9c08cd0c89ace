namespace LlmLab.Batch.Domain;

/// <summary>A run's state; its allowed transitions are <see cref="RunLifecycle"/>.</summary>
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
