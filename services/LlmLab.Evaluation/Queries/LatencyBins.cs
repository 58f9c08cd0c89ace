namespace LlmLab.Evaluation.Queries;

/// <summary>
/// Equal-width histogram bins with a width people read easily (1, 2 or 5 × 10^k ms): about √n bins, at most
/// <c>maxBins</c>, starting at a multiple of the width, so every value falls in exactly one half-open bin [from, to).
/// The web app drew the same bins from the items it had read; the server now draws them over every item.
/// </summary>
public readonly record struct LatencyBins(double Start, double Width, int Count)
{
    public static LatencyBins? For(double min, double max, long n, int maxBins)
    {
        if (n == 0 || !double.IsFinite(min) || !double.IsFinite(max)) return null;
        var wanted = (int)Math.Max(1, Math.Min(maxBins, Math.Ceiling(Math.Sqrt(n))));
        var width = NiceWidth((max - min) / wanted);
        var start = Math.Floor(min / width) * width;
        // The nice rounding can need one more bin than asked; widen once if that passes maxBins.
        if (Math.Floor((max - start) / width) + 1 > maxBins)
        {
            width = NiceWidth(width * 1.01);
            start = Math.Floor(min / width) * width;
        }
        return new LatencyBins(start, width, (int)Math.Floor((max - start) / width) + 1);
    }

    /// <summary>The smallest 1, 2 or 5 × 10^k at least <paramref name="raw"/>.</summary>
    public static double NiceWidth(double raw)
    {
        if (!(raw > 0)) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var step in new[] { 1, 2, 5, 10 })
            if (step * power >= raw - 1e-9 * power) return step * power;
        return 10 * power;
    }

    /// <summary>The bin of a value; the maximum lands in the last bin.</summary>
    public int IndexOf(double value) => Math.Clamp((int)Math.Floor((value - Start) / Width), 0, Count - 1);

    public double From(int index) => Math.Round(Start + index * Width, 6);
    public double To(int index) => Math.Round(Start + (index + 1) * Width, 6);
}
