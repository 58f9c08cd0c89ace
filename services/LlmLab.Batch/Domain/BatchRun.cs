namespace LlmLab.Batch.Domain;

/// <summary>One execution of an experiment's grid; its counters move atomically as work items finish.</summary>
public sealed class BatchRun
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public Guid ExperimentId { get; set; }
    /// <summary>The subject who owns the run: the creator of its saved experiment, else who created the batch. Role user sees only its own.</summary>
    public string? CreatedBy { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    /// <summary>The parameter_ranges the run was created with, as JSON (batch experiments only).</summary>
    public string? ParameterRanges { get; set; }
    public double EstimatedDurationSeconds { get; set; }
    public double EstimatedCostUsd { get; set; }
    public required string Prompt { get; set; }
    public required string Provider { get; set; }
    public required string Model { get; set; }
    public string? JudgeProvider { get; set; }
    public string? JudgeModel { get; set; }
    public RunStatus Status { get; set; }
    public int TotalCombinations { get; set; }
    public int TotalItems { get; set; }
    public int CompletedItems { get; set; }
    public int FailedItems { get; set; }
    /// <summary>Bumped by every re-score write, so views derived from the run's metrics know theirs are stale.</summary>
    public int ScoreRevision { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
