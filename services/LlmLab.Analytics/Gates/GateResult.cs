namespace LlmLab.Analytics.Gates;

/// <summary>The gate of one finished run: passed when every check passed.</summary>
public sealed class GateResult
{
    public Guid RunId { get; set; }
    public required string TenantId { get; set; }
    public Guid ExperimentId { get; set; }
    public required string RunStatus { get; set; }
    public bool Passed { get; set; }
    public List<GateCheckResult> Checks { get; set; } = [];
    /// <summary>Responses the read model held when the gate was evaluated, and responses the run completed.</summary>
    public int ResponsesScored { get; set; }
    public int ResponsesExpected { get; set; }
    public DateTimeOffset EvaluatedAt { get; set; }
}

/// <summary>
/// One check with what was measured and why it passed or failed. The regression check also carries the baseline, the
/// number of paired items, the 95 % bootstrap interval of the mean difference and McNemar's p. An evaluation's checks
/// also name the method they measured (null for runs).
/// </summary>
public sealed record GateCheckResult(string Metric, string Op, double Value, double? Actual, bool Passed, string Reason,
    Guid? BaselineRunId = null, int? N = null, double[]? Ci95 = null, double? PValue = null, string? Method = null);
