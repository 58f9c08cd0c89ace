namespace LlmLab.Analytics.Analysis;

/// <summary>
/// Count, sum, sum of squares, minimum and maximum of a set of values: what both the raw rows and the rollups give,
/// and all a mean and a standard deviation need. Sums merge by addition, so per-day rollups add up to any timeframe.
/// </summary>
public sealed record Moments(long N, double Sum, double SumOfSquares, double? Min, double? Max)
{
    public double? Mean => N == 0 ? null : Sum / N;

    /// <summary>
    /// The sample standard deviation; exactly 0 when every value is equal (min = max), where the sums would leave a
    /// rounding residue that a t-test would read as a real spread.
    /// </summary>
    public double? StdDev
    {
        get
        {
            if (N < 2) return null;
            if (Min == Max) return 0;
            var variance = (N * SumOfSquares - Sum * Sum) / ((double)N * (N - 1));
            return Math.Sqrt(Math.Max(0, variance));
        }
    }

    public static Moments Of(IReadOnlyCollection<double> values) =>
        new(values.Count, values.Sum(), values.Sum(v => v * v), values.Count == 0 ? null : values.Min(), values.Count == 0 ? null : values.Max());
}
