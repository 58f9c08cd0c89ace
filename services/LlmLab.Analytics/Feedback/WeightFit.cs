namespace LlmLab.Analytics.Feedback;

/// <summary>
/// Fits the overall score's weights to people's scores: non-negative least squares of people's score on the centred
/// metric values (cyclic coordinate descent, which converges for this convex problem), scaled to sum to 1. Centring
/// makes the intercept irrelevant, as it is for a weighted mean ranked against people.
/// </summary>
public static class WeightFit
{
    private const int Sweeps = 2_000;
    private const double Tolerance = 1e-10;

    /// <summary>Weights ≥ 0 summing to 1, or all zero when no metric rises with people's scores.</summary>
    public static double[] Fit(IReadOnlyList<double[]> metrics, IReadOnlyList<double> people)
    {
        var n = metrics.Count;
        var k = metrics[0].Length;
        var means = Enumerable.Range(0, k).Select(j => metrics.Average(row => row[j])).ToArray();
        var x = metrics.Select(row => row.Select((v, j) => v - means[j]).ToArray()).ToArray();
        var peopleMean = people.Average();
        var residual = people.Select(p => p - peopleMean).ToArray();
        var norms = Enumerable.Range(0, k).Select(j => x.Sum(row => row[j] * row[j])).ToArray();
        var w = new double[k];
        for (var sweep = 0; sweep < Sweeps; sweep++)
        {
            var largestStep = 0.0;
            for (var j = 0; j < k; j++)
            {
                if (norms[j] == 0) continue;
                var gradient = 0.0;
                for (var i = 0; i < n; i++) gradient += x[i][j] * residual[i];
                var next = Math.Max(0, w[j] + gradient / norms[j]);
                var step = next - w[j];
                if (step == 0) continue;
                for (var i = 0; i < n; i++) residual[i] -= step * x[i][j];
                w[j] = next;
                largestStep = Math.Max(largestStep, Math.Abs(step));
            }
            if (largestStep < Tolerance) break;
        }
        var total = w.Sum();
        return total > 0 ? w.Select(v => v / total).ToArray() : w;
    }

    /// <summary>The overall score a weight vector gives: the weighted mean, as the quality service computes it.</summary>
    public static double Overall(double[] metrics, double[] weights)
    {
        double sum = 0, weight = 0;
        for (var j = 0; j < metrics.Length; j++)
        {
            if (weights[j] <= 0) continue;
            sum += weights[j] * metrics[j];
            weight += weights[j];
        }
        return weight == 0 ? 0 : sum / weight;
    }
}
