using System.ComponentModel.DataAnnotations;

namespace LlmLab.Training.Workers;

/// <summary>Configuration "Training:Worker": how a replica takes and holds jobs.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Training:Worker";

    /// <summary>Jobs one replica trains at once (each takes a core while it runs); 0 turns the worker off.</summary>
    [Range(0, 64)]
    public int MaxConcurrentJobs { get; set; } = 1;

    /// <summary>How long a claim holds without renewal; a job whose worker died is resumed after this.</summary>
    [Range(3, 3600)]
    public int LeaseSeconds { get; set; } = 8;

    /// <summary>How often an idle worker looks for a job.</summary>
    [Range(50, 60_000)]
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>Threads LibTorch may use per process (the machine is shared with the other services).</summary>
    [Range(1, 256)]
    public int TorchThreads { get; set; } = 1;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);
    public TimeSpan RenewEvery => TimeSpan.FromSeconds(Math.Max(1, LeaseSeconds / 4.0));
}
