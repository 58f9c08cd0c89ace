namespace LlmLab.Batch.Domain;

/// <summary>
/// The allowed transitions of a run, in one table every writer asks (launcher, control, recorder):
/// pending → running ⇄ paused → completed | completed_with_errors | failed | cancelled; a finished run with failed
/// items may run again to retry them. Writers move a run with a conditional UPDATE whose WHERE is
/// <see cref="SourcesOf"/>, so two writers racing cannot both win and no writer skips a state.
/// </summary>
public static class RunLifecycle
{
    private static readonly RunStatus[] Outcomes = [RunStatus.Completed, RunStatus.CompletedWithErrors, RunStatus.Failed];

    private static readonly Dictionary<RunStatus, RunStatus[]> Next = new()
    {
        [RunStatus.Pending] = [RunStatus.Running, RunStatus.Cancelled],
        [RunStatus.Running] = [RunStatus.Paused, RunStatus.Cancelled, .. Outcomes],
        // The last calls in flight when a run was paused may finish it.
        [RunStatus.Paused] = [RunStatus.Running, RunStatus.Cancelled, .. Outcomes],
        [RunStatus.CompletedWithErrors] = [RunStatus.Running],
        [RunStatus.Failed] = [RunStatus.Running],
        [RunStatus.Completed] = [],
        [RunStatus.Cancelled] = [],
    };

    public static bool CanMove(RunStatus from, RunStatus to) => Next[from].Contains(to);

    /// <summary>Every status a run may be in to move to <paramref name="to"/>.</summary>
    public static RunStatus[] SourcesOf(RunStatus to) => Next.Where(n => n.Value.Contains(to)).Select(n => n.Key).ToArray();

    /// <summary>The states from which a run finishes by itself when its last item is recorded.</summary>
    public static RunStatus[] Finishing { get; } = SourcesOf(RunStatus.Completed);

    public static bool IsFinal(this RunStatus status) =>
        status is RunStatus.Completed or RunStatus.CompletedWithErrors or RunStatus.Failed or RunStatus.Cancelled;

    /// <summary>How a run whose every item has a result ends.</summary>
    public static RunStatus Outcome(int completed, int failed) =>
        failed == 0 ? RunStatus.Completed : completed == 0 ? RunStatus.Failed : RunStatus.CompletedWithErrors;
}
