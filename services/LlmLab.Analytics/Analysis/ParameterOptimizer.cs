using System.Globalization;
using LlmLab.ServiceKit.Statistics;

namespace LlmLab.Analytics.Analysis;

/// <summary>Summary of one parameter value's scores, as SQL aggregates give it.</summary>
public sealed record ValueStats(string Value, long Count, double Mean, double StdDev);

/// <summary>
/// The best value of a parameter, how sure we are (Welch's t-test of the best value's scores against all other values'
/// pooled scores: confidence = 1 − p), and the quality impact: how much higher the best mean is than the worst, in %.
/// </summary>
public sealed record ParameterRecommendation(string Parameter, string OptimalValue, double OptimalMean, long OptimalCount, double Confidence, double PValue,
    string ConfidenceLevel, double QualityImpactPercent, string WorstValue, double WorstMean, long SampleSize, IReadOnlyList<ValueStats> Values, string Recommendation);

public static class ParameterOptimizer
{
    public static ParameterRecommendation? Recommend(string parameter, string metric, IReadOnlyList<ValueStats> values)
    {
        if (values.Count < 2) return null;
        var ordered = SortValues(values);
        var best = ordered.MaxBy(v => v.Mean)!;
        var worst = ordered.MinBy(v => v.Mean)!;
        var rest = Pool(ordered.Where(v => v != best).ToList());
        var (_, _, p) = Tests.Welch(best.Mean, best.StdDev, best.Count, rest.Mean, rest.StdDev, rest.Count);
        var impact = worst.Mean == 0 ? 0 : (best.Mean - worst.Mean) / Math.Abs(worst.Mean) * 100;
        var sampleSize = ordered.Sum(v => v.Count);
        var level = p < 0.01 && best.Count >= 30 ? "high" : p < 0.05 ? "medium" : "low";
        var text = level == "low"
            ? string.Create(CultureInfo.InvariantCulture, $"{Label(parameter)} {best.Value} scores highest on {metric} ({best.Mean:0.##}, n = {best.Count}), but not significantly above the other values (p = {p:0.###}); gather more responses before fixing it.")
            : string.Create(CultureInfo.InvariantCulture, $"Use {parameter} = {best.Value}: mean {metric} {best.Mean:0.##} (n = {best.Count}), {impact:0.#}% above {worst.Value} ({worst.Mean:0.##}); Welch's t-test against the other values p = {p:0.####}.");
        return new ParameterRecommendation(parameter, best.Value, Math.Round(best.Mean, 4), best.Count, Math.Round(1 - p, 6), Math.Round(p, 6), level,
            Math.Round(impact, 2), worst.Value, Math.Round(worst.Mean, 4), sampleSize, ordered, text);
    }

    /// <summary>Combines groups' counts, means and sample standard deviations into those of their union.</summary>
    public static ValueStats Pool(IReadOnlyList<ValueStats> groups)
    {
        var n = groups.Sum(g => g.Count);
        if (n == 0) return new ValueStats("rest", 0, double.NaN, double.NaN);
        var mean = groups.Sum(g => g.Count * g.Mean) / n;
        var squares = groups.Sum(g => (g.Count - 1) * g.StdDev * g.StdDev + g.Count * (g.Mean - mean) * (g.Mean - mean));
        return new ValueStats("rest", n, mean, n > 1 ? Math.Sqrt(squares / (n - 1)) : 0);
    }

    /// <summary>Numbers in numeric order, names in ordinal order.</summary>
    public static List<ValueStats> SortValues(IEnumerable<ValueStats> values) => values
        .OrderBy(v => double.TryParse(v.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.PositiveInfinity)
        .ThenBy(v => v.Value, StringComparer.Ordinal).ToList();

    public static string Label(string parameter) => parameter switch
    {
        "top_p" => "Top-p",
        "max_tokens" => "max_tokens",
        _ => char.ToUpperInvariant(parameter[0]) + parameter[1..].Replace('_', ' '),
    };
}
