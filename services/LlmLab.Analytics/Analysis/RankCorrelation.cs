namespace LlmLab.Analytics.Analysis;

/// <summary>
/// Spearman's ρ as the SQL view computed it: each column ranked over its own values (average ranks for ties, missing
/// values unranked), then Pearson's r of the ranks over the rows where both have one. Ranking in .NET costs a few
/// milliseconds for the 20,000-row sample; PostgreSQL's window sorts of every column cost far more.
/// </summary>
public static class RankCorrelation
{
    public static double?[] Ranks(IReadOnlyList<double?> column)
    {
        // Sorted once with the row numbers alongside (Array.Sort, no LINQ): ties get the mean of their positions, so the
        // order among equal values does not matter.
        var present = 0;
        for (var i = 0; i < column.Count; i++) if (column[i] is not null) present++;
        var values = new double[present];
        var rows = new int[present];
        for (int i = 0, k = 0; i < column.Count; i++)
        {
            if (column[i] is not { } v) continue;
            values[k] = v;
            rows[k++] = i;
        }
        Array.Sort(values, rows);
        var result = new double?[column.Count];
        for (var start = 0; start < present;)
        {
            var end = start;
            while (end + 1 < present && values[end + 1] == values[start]) end++;
            var rank = (start + end) / 2.0 + 1;
            for (var k = start; k <= end; k++) result[rows[k]] = rank;
            start = end + 1;
        }
        return result;
    }

    /// <summary>Pearson's r of the pairs where both values exist, and how many there were; null when either side is constant.</summary>
    public static (double? R, long N) Of(IReadOnlyList<double?> x, IReadOnlyList<double?> y)
    {
        // Loops rather than LINQ: the correlation view calls this for 40 pairs of 20,000 ranks.
        var count = Math.Min(x.Count, y.Count);
        long n = 0;
        double sumX = 0, sumY = 0;
        for (var i = 0; i < count; i++)
        {
            if (x[i] is not { } px || y[i] is not { } py) continue;
            n++;
            sumX += px;
            sumY += py;
        }
        if (n == 0) return (null, 0);
        double mx = sumX / n, my = sumY / n, sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < count; i++)
        {
            if (x[i] is not { } px || y[i] is not { } py) continue;
            sxy += (px - mx) * (py - my);
            sxx += (px - mx) * (px - mx);
            syy += (py - my) * (py - my);
        }
        return (sxx == 0 || syy == 0 ? null : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1), n);
    }
}
