using System.ComponentModel.DataAnnotations;

namespace LlmLab.Analytics.Alerts;

/// <summary>When a finished run raises an alert (section "Alerts").</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>A run whose failure rate reaches this …</summary>
    [Range(0.0, 1.0)]
    public double FailureRate { get; set; } = 0.2;

    /// <summary>… and exceeds the previous run's rate of the same experiment by at least this much is a failure-rate spike.</summary>
    [Range(0.0, 1.0)]
    public double FailureRateIncrease { get; set; } = 0.1;

    /// <summary>The latency objective: a run whose p95 response time is over this many milliseconds raises a latency alert.</summary>
    [Range(1.0, 86_400_000.0)]
    public double LatencyP95Ms { get; set; } = 30_000;

    /// <summary>The metric whose significant drop against the previous run is a quality regression.</summary>
    [Required, RegularExpression("^[a-z][a-z0-9_]{0,63}$")]
    public string RegressionMetric { get; set; } = "overall_score";
}
