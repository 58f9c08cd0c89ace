namespace LlmLab.Analytics.Analysis;

/// <summary>
/// Pearson's sufficient statistics of a parameter with a score from the score's moments per parameter value: within a
/// group the parameter is one value x, so Σx = Σ x·n, Σx² = Σ x²·n and Σxy = Σ x·Σy. A sweep has tens of parameter
/// tuples, so this sums tens of groups instead of every rollup grain or row.
/// </summary>
public static class GroupedPearson
{
    public static PearsonSums Of(IEnumerable<(double X, Moments Y)> groups)
    {
        long n = 0;
        double sumX = 0, sumXX = 0, sumY = 0, sumYY = 0, sumXY = 0;
        double? minX = null, maxX = null, minY = null, maxY = null;
        foreach (var (x, y) in groups)
        {
            if (y.N == 0) continue; // no value of the score: the parameter's value does not pair with anything
            n += y.N;
            sumX += x * y.N;
            sumXX += x * x * y.N;
            sumY += y.Sum;
            sumYY += y.SumOfSquares;
            sumXY += x * y.Sum;
            minX = minX is { } a ? Math.Min(a, x) : x;
            maxX = maxX is { } b ? Math.Max(b, x) : x;
            if (y.Min is { } low) minY = minY is { } c ? Math.Min(c, low) : low;
            if (y.Max is { } high) maxY = maxY is { } d ? Math.Max(d, high) : high;
        }
        return new PearsonSums(n, sumX, sumXX, sumY, sumYY, sumXY, XConstant: minX == maxX, YConstant: minY == maxY);
    }
}
