namespace LlmLab.Analytics.Gates;

/// <summary>An experiment's quality gate: thresholds every finished run must meet, and optionally no significant regression.</summary>
public sealed class GateDefinition
{
    public required string TenantId { get; set; }
    public Guid ExperimentId { get; set; }
    public List<GateThreshold> Checks { get; set; } = [];
    /// <summary>The run to compare with; null compares each run with the experiment's previous finished run.</summary>
    public Guid? BaselineRunId { get; set; }
    public bool NoSignificantRegression { get; set; }
    /// <summary>The metric the regression test compares (paired by item identity).</summary>
    public string RegressionMetric { get; set; } = GateMetrics.DefaultRegressionMetric;
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One threshold: the run's <see cref="Metric"/> must be <see cref="Op"/> <see cref="Value"/>.</summary>
public sealed record GateThreshold(string Metric, string Op, double Value);
