using LlmLab.ServiceKit.Statistics;

namespace LlmLab.Bench.Platform.Operations;

/// <summary>The trend of memory samples: the least-squares slope in MiB per minute (0 with fewer than two samples).</summary>
public static class MemoryTrend
{
    public static double MiBPerMinute(IReadOnlyList<(double Seconds, double MiB)> samples)
    {
        var fit = LinearFit.Of(samples.Select(s => s.Seconds).ToList(), samples.Select(s => s.MiB).ToList());
        return double.IsNaN(fit.Slope) ? 0 : fit.Slope * 60;
    }
}
