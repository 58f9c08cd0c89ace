namespace LlmLab.Batch.Analysis;

/// <summary>One scored response reduced to what a grid summary needs: its parameters, one metric and its latency.</summary>
public sealed record ScoredPoint(IReadOnlyDictionary<string, double> Parameters, double Value, double LatencyMs);

public sealed record HeatmapCell(double X, double Y, double Mean, int Count);

public sealed record BestConfiguration(IReadOnlyDictionary<string, double> Parameters, double Mean, int Responses, double LatencyMs);

/// <summary>
/// Aggregates of a run's scored responses per grid cell. "Best configuration" is THE definition (web/DESIGN.md): the
/// combination of every grid parameter together whose responses have the highest mean of the metric; a tie goes to the
/// lower mean latency, then to the lower parameter values.
/// </summary>
public static class GridCells
{
    public static readonly string[] Parameters = ["temperature", "top_p", "max_tokens", "frequency_penalty", "presence_penalty"];

    /// <summary>Mean and count of the metric per (x, y) pair of parameter values, over the points matching every fixed value.</summary>
    public static IReadOnlyList<HeatmapCell> Heatmap(IEnumerable<ScoredPoint> points, string x, string y, IReadOnlyDictionary<string, double> fixedValues) =>
        points.Where(p => fixedValues.All(f => p.Parameters[f.Key] == f.Value))
            .GroupBy(p => (X: p.Parameters[x], Y: p.Parameters[y]))
            .Select(g => new HeatmapCell(g.Key.X, g.Key.Y, Math.Round(g.Average(p => p.Value), 4), g.Count()))
            .OrderBy(c => c.Y).ThenBy(c => c.X).ToList();

    public static BestConfiguration? Best(IEnumerable<ScoredPoint> points) =>
        points.GroupBy(p => string.Join('|', Parameters.Select(n => p.Parameters[n].ToString("R", System.Globalization.CultureInfo.InvariantCulture))))
            .Select(g => new BestConfiguration(g.First().Parameters, Math.Round(g.Average(p => p.Value), 4), g.Count(), Math.Round(g.Average(p => p.LatencyMs), 1)))
            .OrderByDescending(c => c.Mean).ThenBy(c => c.LatencyMs).ThenBy(c => c.Parameters, LowerValues)
            .FirstOrDefault();

    private static readonly Comparer<IReadOnlyDictionary<string, double>> LowerValues = Comparer<IReadOnlyDictionary<string, double>>.Create((a, b) =>
        Parameters.Select(n => a[n].CompareTo(b[n])).FirstOrDefault(c => c != 0));

    /// <summary>The distinct values of each grid parameter, ascending.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<double>> Grid(IReadOnlyCollection<ScoredPoint> points) =>
        Parameters.ToDictionary(n => n, n => (IReadOnlyList<double>)points.Select(p => p.Parameters[n]).Distinct().Order().ToList());
}
