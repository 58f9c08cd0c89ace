namespace LlmLab.ServiceKit.Statistics;

/// <summary>
/// Holm–Bonferroni step-down adjustment for m tests: sort the p-values ascending, multiply the i-th smallest (0-based) by
/// m − i, carry the running maximum so adjusted values never decrease, cap at 1. Controls the family-wise error rate.
/// </summary>
public static class Holm
{
    /// <summary>Adjusted p-values, in the order of <paramref name="pValues"/>.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        double running = 0;
        for (var rank = 0; rank < m; rank++)
        {
            var i = order[rank];
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
