using LlmLab.Optimization;

namespace LlmLab.Batch.Domain;

/// <summary>
/// An adaptive search over a batch's grid (POST …/batch/{id}/optimize). Its calls are the work items of its own run
/// (<see cref="RunId"/>), made round by round through the same workers as any run; the rounds it asked for and the
/// trajectory are stored here, so a restarted process resumes from the database.
/// </summary>
public sealed class ParameterSearch
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    /// <summary>The batch whose grid is searched.</summary>
    public Guid BatchId { get; set; }
    /// <summary>The run that holds the search's calls.</summary>
    public Guid RunId { get; set; }
    public required string Strategy { get; set; }
    public int BudgetCalls { get; set; }
    public long Seed { get; set; }
    public ParameterSearchState State { get; set; }
    public string? StopReason { get; set; }
    /// <summary>Every round dispatched, in order; configurations are positions in the batch's grid (its combination indices).</summary>
    public List<List<TrialRequest>> Rounds { get; set; } = [];
    /// <summary>One point per finished round.</summary>
    public List<SearchTrajectoryPoint> Trajectory { get; set; } = [];
    /// <summary>Moves with every step, so two processes stepping the same search cannot both commit.</summary>
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

public enum ParameterSearchState
{
    Running,
    Completed,
    Cancelled,
    Failed,
}

/// <summary>After a round: the calls spent and the best configuration then (its grid position, mean score and scored calls).</summary>
public sealed record SearchTrajectoryPoint(int CallsSpent, double? BestScore, int? BestConfiguration, int BestCount);
