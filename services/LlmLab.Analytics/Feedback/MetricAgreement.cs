using LlmLab.ServiceKit.Statistics;

namespace LlmLab.Analytics.Feedback;

/// <summary>
/// How well an automatic metric agrees with people: Spearman's ρ between the metric and people's mean score over the
/// responses that have both, its two-sided p, and a 95 % interval by Fisher's z with the Fieller–Hartley–Pearson
/// variance 1.06 / (n − 3) for Spearman's ρ. With fewer than 4 responses there is no interval.
/// </summary>
public static class MetricAgreement
{
    private const double Z975 = 1.959963984540054;

    public static Agreement Of(string metric, IReadOnlyList<double> metricValues, IReadOnlyList<double> peopleScores)
    {
        var (rho, p, n) = Tests.Spearman(metricValues, peopleScores);
        if (double.IsNaN(rho)) return new(metric, null, null, null, n);
        double[]? ci = null;
        if (n >= 4)
        {
            var z = Math.Atanh(Math.Clamp(rho, -0.999999, 0.999999));
            var half = Z975 * Math.Sqrt(1.06 / (n - 3));
            ci = [Math.Round(Math.Tanh(z - half), 6), Math.Round(Math.Tanh(z + half), 6)];
        }
        return new(metric, Math.Round(rho, 6), ci, Math.Round(p, 6), n);
    }
}

/// <summary>One metric's agreement with people: ρ (null when either side does not vary), its 95 % CI, p and the number of responses.</summary>
public sealed record Agreement(string Metric, double? Spearman, double[]? Ci95, double? PValue, int N);
