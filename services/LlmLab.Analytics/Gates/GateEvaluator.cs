using System.Globalization;
using LlmLab.Analytics.Runs;

namespace LlmLab.Analytics.Gates;

/// <summary>Turns a gate's thresholds, the run's measurements and the regression check into the run's gate result.</summary>
public static class GateEvaluator
{
    public static GateResult Evaluate(GateDefinition gate, FinishedRun run, IReadOnlyDictionary<string, double?> measured, GateCheckResult? regression,
        int responsesScored, DateTimeOffset now)
    {
        var checks = gate.Checks.Select(t => Check(t, measured.GetValueOrDefault(t.Metric))).ToList();
        if (regression is not null) checks.Add(regression);
        return new GateResult
        {
            RunId = run.RunId,
            TenantId = run.TenantId,
            ExperimentId = run.ExperimentId,
            RunStatus = run.Status,
            Passed = checks.All(c => c.Passed),
            Checks = checks,
            ResponsesScored = responsesScored,
            ResponsesExpected = run.Completed,
            EvaluatedAt = now,
        };
    }

    public static GateCheckResult Check(GateThreshold threshold, double? actual)
    {
        if (actual is not { } value)
            return new(threshold.Metric, threshold.Op, threshold.Value, null, false, $"the run has no {threshold.Metric} to measure (no scored response carries it).");
        var rounded = Math.Round(value, 6);
        var passed = threshold.Op == GateMetrics.AtLeast ? value >= threshold.Value : value <= threshold.Value;
        var reason = passed
            ? string.Create(CultureInfo.InvariantCulture, $"{threshold.Metric} is {rounded}, which meets {threshold.Op} {threshold.Value}.")
            : string.Create(CultureInfo.InvariantCulture,
                $"{threshold.Metric} is {rounded}, {(threshold.Op == GateMetrics.AtLeast ? "below the minimum" : "above the maximum")} {threshold.Value}.");
        return new(threshold.Metric, threshold.Op, threshold.Value, rounded, passed, reason);
    }
}
