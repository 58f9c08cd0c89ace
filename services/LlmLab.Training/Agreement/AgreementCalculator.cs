using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace LlmLab.Training.Agreement;

/// <summary>
/// Agreement of metrics with people's scores. Intervals by Fisher's z: atanh(r) ± z₀.₉₇₅·se, with se = 1/√(n−3) for
/// Pearson and √(1.06/(n−3)) for Spearman (Fieller, Hartley and Pearson, 1957). MAE compares the 0–100 metric with the
/// 0–100 expected score directly. The best metric is the one with the highest Spearman ρ (then the lowest MAE).
/// </summary>
public static class AgreementCalculator
{
    public const string Method = "pearson and spearman with 95% fisher-z intervals; mae on the 0-100 scale";

    public static AgreementReport Compute(IReadOnlyList<(double Expected, IReadOnlyDictionary<string, double> Metrics)> rows)
    {
        var names = rows.SelectMany(r => r.Metrics.Keys).Where(IsScore).Distinct().Order(StringComparer.Ordinal);
        var metrics = new List<MetricAgreement>();
        foreach (var name in names)
        {
            var pairs = rows.Where(r => r.Metrics.ContainsKey(name)).Select(r => (People: r.Expected, Metric: r.Metrics[name])).ToList();
            var people = pairs.Select(p => p.People).ToArray();
            var metric = pairs.Select(p => p.Metric).ToArray();
            var mae = pairs.Average(p => Math.Abs(p.People - p.Metric));
            var constant = metric.Distinct().Count() < 2 || people.Distinct().Count() < 2;
            metrics.Add(constant || pairs.Count < 3
                ? new MetricAgreement(name, pairs.Count, null, null, mae, constant ? "no correlation: the metric or the people's scores do not vary" : "no correlation: fewer than 3 texts")
                : new MetricAgreement(name, pairs.Count,
                    Estimate(Correlation.Pearson(people, metric), pairs.Count, 1.0),
                    Estimate(Correlation.Spearman(people, metric), pairs.Count, 1.06), mae, null));
        }
        var best = metrics.Where(m => m.Spearman is not null).OrderByDescending(m => m.Spearman!.Value).ThenBy(m => m.Mae).FirstOrDefault();
        return new AgreementReport(rows.Count, metrics, best?.Metric, "spearman", Method);
    }

    /// <summary>The 0–100 scores (not counts, not sentiment's −1..1): the ones people's 0–100 grades compare with.</summary>
    public static bool IsScore(string metric) => metric.EndsWith("_score", StringComparison.Ordinal);

    public static CorrelationEstimate Estimate(double r, int n, double varianceFactor)
    {
        if (n <= 3) return new CorrelationEstimate(r, null, null);
        if (Math.Abs(r) >= 1) return new CorrelationEstimate(r, r, r);
        var z = Math.Atanh(r);
        var half = Normal.InvCDF(0, 1, 0.975) * Math.Sqrt(varianceFactor / (n - 3));
        return new CorrelationEstimate(r, Math.Tanh(z - half), Math.Tanh(z + half));
    }
}
