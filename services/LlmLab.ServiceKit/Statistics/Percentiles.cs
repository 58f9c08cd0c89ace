namespace LlmLab.ServiceKit.Statistics;

/// <summary>Percentiles by linear interpolation between closest ranks (the "R-7" definition used by Excel and NumPy).</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double percentile)
    {
        if (sorted.Count == 0) return double.NaN;
        var position = (sorted.Count - 1) * percentile / 100.0;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
