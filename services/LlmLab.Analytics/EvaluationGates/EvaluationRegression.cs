using System.Globalization;
using LlmLab.Analytics.Gates;
using LlmLab.ServiceKit.Statistics;

namespace LlmLab.Analytics.EvaluationGates;

/// <summary>
/// "No significant regression against the baseline evaluation", per method: the evaluation's answered items are paired
/// with the baseline's by dataset item id and method label, and exact-match correctness is compared by McNemar's exact
/// test. A regression is significant when p &lt; 0.05 and the baseline was right more often on the discordant items.
/// A method the baseline lacks, or that shares no answered item with it, fails: its absence of regression cannot be shown. Pure.
/// </summary>
public static class EvaluationRegression
{
    public const string Metric = "exact_match";
    public const double Alpha = 0.05;

    public static GateCheckResult NoBaseline() =>
        new(Metric, GateMetrics.NoSignificantRegression, 0, null, true, "no baseline evaluation: this is the dataset's first finished evaluation.");

    public static List<GateCheckResult> Compare(Guid baselineId, EvaluationResults baseline, EvaluationResults current) =>
        current.Summary.Select(m => Compare(baselineId, baseline, current, m.Label)).ToList();

    private static GateCheckResult Compare(Guid baselineId, EvaluationResults baseline, EvaluationResults current, string label)
    {
        var before = baseline.Items.Where(i => i.Method == label && i.Answered).ToDictionary(i => i.ItemId, i => i.Correct, StringComparer.Ordinal);
        var pairs = current.Items.Where(i => i.Method == label && i.Answered && before.ContainsKey(i.ItemId))
            .OrderBy(i => i.ItemId, StringComparer.Ordinal).Select(i => (Before: before[i.ItemId], Now: i.Correct)).ToList();
        if (pairs.Count == 0)
        {
            var why = baseline.Summary.Any(m => m.Label == label) ? "they share no answered dataset item" : "it has no method of that label";
            return new(Metric, GateMetrics.NoSignificantRegression, 0, null, false,
                $"method {label}: cannot compare with baseline evaluation {baselineId}: {why}.", baselineId, 0, Method: label);
        }
        var onlyBefore = pairs.Count(p => p.Before && !p.Now);
        var onlyNow = pairs.Count(p => !p.Before && p.Now);
        var p = McNemar.ExactP(onlyBefore, onlyNow);
        var differences = pairs.Select(x => (x.Now ? 1.0 : 0) - (x.Before ? 1.0 : 0)).ToList();
        var (lower, upper) = Bootstrap.MeanDifferenceInterval(differences);
        var difference = differences.Average();
        var regressed = p < Alpha && onlyBefore > onlyNow;
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"method {label}: exact-match accuracy {pairs.Count(x => x.Now) / (double)pairs.Count:0.###} against {pairs.Count(x => x.Before) / (double)pairs.Count:0.###} " +
            $"on baseline evaluation {baselineId} over {pairs.Count} paired items ({onlyBefore} right only before, {onlyNow} only now): McNemar p = {p:0.####}") +
            (regressed ? ", a significant regression." : ", no significant regression.");
        return new(Metric, GateMetrics.NoSignificantRegression, 0, Math.Round(difference, 6), !regressed, reason, baselineId, pairs.Count,
            [Math.Round(lower, 6), Math.Round(upper, 6)], p, label);
    }
}
