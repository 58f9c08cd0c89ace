using LlmLab.ServiceKit.Statistics;

namespace LlmLab.Bench.Platform.Operations;

/// <summary>
/// The trend of memory samples: the least-squares slope in MiB per minute (0 with fewer than two samples), and how
/// sure it is — the samples it rests on and the two-sided p-value of the slope. Memory samples are autocorrelated (a
/// GC's sawtooth spans several), so the p-value is optimistic: a small one is a trend, a large one is no evidence of one.
/// </summary>
public static class MemoryTrend
{
    public static double MiBPerMinute(IReadOnlyList<(double Seconds, double MiB)> samples) => Of(samples).MiBPerMinute;

    public static (double MiBPerMinute, int N, double PValue) Of(IReadOnlyList<(double Seconds, double MiB)> samples)
    {
        var fit = LinearFit.Of(samples.Select(s => s.Seconds).ToList(), samples.Select(s => s.MiB).ToList());
        return double.IsNaN(fit.Slope) ? (0, fit.N, 1) : (fit.Slope * 60, fit.N, fit.SlopePValue);
    }

    public static string Describe(IReadOnlyList<(double Seconds, double MiB)> samples)
    {
        var (slope, n, p) = Of(samples);
        return $"{slope:+0.0;-0.0;0.0} MiB/min (n = {n}, p = {p:0.000})";
    }
}
