using System.Globalization;
using LlmLab.Analytics.Gates;
using LlmLab.Analytics.Runs;

namespace LlmLab.Analytics.Alerts;

/// <summary>Which alerts a finished run raises, from its figures, the previous run's and the regression test. Pure.</summary>
public static class AlertRules
{
    /// <summary>
    /// A significant drop against the previous run (a comparison that could not be made raises nothing). An evaluation
    /// is passed as a run with its id and the subject "evaluation".
    /// </summary>
    public static Alert? Regression(FinishedRun run, GateCheckResult comparison, DateTimeOffset now, string subject = "run")
    {
        if (comparison.Passed || comparison.N is not > 0 || comparison.BaselineRunId is null) return null;
        return New(run, AlertKinds.Regression, $"Quality regression in {subject} {run.RunId}: {comparison.Reason}", comparison.Actual, 0,
            $"{AlertKinds.Regression}:{run.RunId}", now);
    }

    /// <summary>A failure rate at or over the limit that also rose by the configured margin over the previous run's.</summary>
    public static Alert? FailureRateSpike(FinishedRun run, FinishedRun? previous, AlertOptions options, DateTimeOffset now)
    {
        var rate = run.FailureRate;
        var before = previous?.FailureRate ?? 0;
        if (run.Completed + run.Failed == 0 || rate < options.FailureRate || rate - before < options.FailureRateIncrease) return null;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Failure-rate spike in run {run.RunId}: {run.Failed} of {run.Completed + run.Failed} calls failed ({rate:P1}), " +
            $"at or over the limit {options.FailureRate:P1}") +
            (previous is null ? "." : string.Create(CultureInfo.InvariantCulture, $", up from {before:P1} in the previous run {previous.RunId}."));
        return New(run, AlertKinds.FailureRate, message, Math.Round(rate, 6), options.FailureRate, $"{AlertKinds.FailureRate}:{run.RunId}", now);
    }

    /// <summary>A run whose p95 latency is over the objective (a run with no scored responses has no p95 and raises nothing).</summary>
    public static Alert? LatencyObjectiveMissed(FinishedRun run, double? p95Ms, AlertOptions options, DateTimeOffset now)
    {
        if (p95Ms is not { } p95 || p95 <= options.LatencyP95Ms) return null;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Latency objective missed in run {run.RunId}: p95 {p95:F0} ms over the objective of {options.LatencyP95Ms:F0} ms ({run.Completed} calls completed).");
        return New(run, AlertKinds.Latency, message, Math.Round(p95, 3), options.LatencyP95Ms, $"{AlertKinds.Latency}:{run.RunId}", now);
    }

    /// <summary>A run that failed its experiment's gate: the failed checks with their actual values and reasons.</summary>
    public static Alert? GateFailed(FinishedRun run, GateResult? gate, DateTimeOffset now, string subject = "Run")
    {
        if (gate is not { Passed: false }) return null;
        var failed = gate.Checks.Where(c => !c.Passed).ToList();
        var reasons = string.Join("; ", failed.Select(c => $"{c.Metric} {c.Op} {c.Value.ToString(CultureInfo.InvariantCulture)}: {c.Reason}"));
        return New(run, AlertKinds.Gate, $"{subject} {run.RunId} failed its quality gate ({failed.Count} of {gate.Checks.Count} checks): {reasons}",
            failed.Count, gate.Checks.Count, $"{AlertKinds.Gate}:{run.RunId}", now);
    }

    private static Alert New(FinishedRun run, string kind, string message, double? value, double threshold, string key, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TenantId = run.TenantId,
        Kind = kind,
        Message = message,
        RunId = run.RunId,
        ExperimentId = run.ExperimentId == Guid.Empty ? null : run.ExperimentId,
        Value = value,
        Threshold = threshold,
        DedupeKey = key,
        CreatedAt = now,
    };
}
