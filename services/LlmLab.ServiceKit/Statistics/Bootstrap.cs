namespace LlmLab.ServiceKit.Statistics;

/// <summary>
/// Percentile bootstrap of the mean of paired differences: resample the pairs with replacement, take the 2.5th and
/// 97.5th percentiles of the resampled means. Seeded, so the same data always gives the same interval.
/// </summary>
public static class Bootstrap
{
    public static (double Lower, double Upper) MeanDifferenceInterval(IReadOnlyList<double> differences, int resamples = 2000, int seed = 20261123, double level = 0.95)
    {
        if (differences.Count == 0) return (double.NaN, double.NaN);
        var random = new Random(seed);
        var means = new double[resamples];
        var n = differences.Count;
        for (var r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (var i = 0; i < n; i++) sum += differences[random.Next(n)];
            means[r] = sum / n;
        }
        Array.Sort(means);
        var alpha = (1 - level) / 2;
        return (Percentiles.Of(means, alpha * 100), Percentiles.Of(means, (1 - alpha) * 100));
    }
}
