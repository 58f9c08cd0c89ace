using System.Globalization;
using LlmLab.Analytics.Analysis;

namespace LlmLab.Analytics.Gates;

/// <summary>
/// "No significant regression against the baseline": the run's responses are paired with the baseline's by item identity
/// (<see cref="ItemPairing"/>) and compared by the paired test of the method comparison (<see cref="MethodComparer"/>).
/// A regression is significant when the 95 % bootstrap interval of the mean difference (run − baseline) lies wholly
/// below zero. A baseline that shares no item with the run fails the check: its absence of regression cannot be shown.
/// </summary>
public static class RegressionCheck
{
    public static GateCheckResult NoBaseline(string metric) =>
        new(metric, GateMetrics.NoSignificantRegression, 0, null, true, "no baseline run: this is the experiment's first finished run.");

    public static GateCheckResult Evaluate(string metric, Guid baselineRunId, Guid runId, Pairing pairing)
    {
        if (pairing.NoSharedItemReason is { } why)
            return new(metric, GateMetrics.NoSignificantRegression, 0, null, false, $"cannot compare with baseline run {baselineRunId}: {why}", baselineRunId, 0);
        var comparison = MethodComparer.Compare(baselineRunId, runId, metric, 50, pairing.Pairs.Select(p => (p.A, p.B)).ToList());
        var ci = comparison.MeanDifferenceCi95!;
        var difference = comparison.MeanDifference!.Value;
        var regressed = ci[1] < 0;
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"mean {metric} {comparison.MeanB:0.###} against {comparison.MeanA:0.###} on baseline run {baselineRunId} over {comparison.Pairs} paired items: " +
            $"difference {difference:0.###}, 95% CI [{ci[0]:0.###}, {ci[1]:0.###}]") +
            (regressed ? " lies wholly below 0, a significant regression." : " does not lie wholly below 0, no significant regression.");
        return new(metric, GateMetrics.NoSignificantRegression, 0, difference, !regressed, reason, baselineRunId, comparison.Pairs, ci, comparison.McnemarP);
    }
}
