namespace LlmLab.Evaluation.Domain;

/// <summary>
/// A work item's state. Completed and stuck items are answered (stuck: the agent repeated one action three times and was
/// stopped; it is scored on whatever answer it has, usually none). Failed: the model call failed. Paused: its command
/// arrived while the evaluation was paused, so it was set aside; resuming queues it again (its only command then).
/// </summary>
public enum ItemStatus
{
    Pending,
    Completed,
    Stuck,
    Failed,
    Cancelled,
    Paused,
}
