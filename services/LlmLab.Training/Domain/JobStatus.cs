namespace LlmLab.Training.Domain;

/// <summary>Where a training job is: queued → running → completed | failed | cancelled (queued may be cancelled too).</summary>
public enum JobStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}

/// <summary>The allowed moves of a job; every writer asks it.</summary>
public static class JobLifecycle
{
    public static bool IsFinal(this JobStatus status) => status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    public static bool CanMove(JobStatus from, JobStatus to) => (from, to) switch
    {
        (JobStatus.Queued, JobStatus.Running or JobStatus.Cancelled) => true,
        // Running → running is a resume: another worker took over a job whose worker stopped renewing its lease.
        (JobStatus.Running, JobStatus.Running or JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled) => true,
        _ => false,
    };

    public static string Name(this JobStatus status) => status.ToString().ToLowerInvariant();
}
