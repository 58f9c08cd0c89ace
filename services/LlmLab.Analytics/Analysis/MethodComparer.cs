using LlmLab.ServiceKit.Statistics;

namespace LlmLab.Analytics.Analysis;

/// <summary>
/// Two runs (methods, models, prompt variants) on the same items (paired by <see cref="ItemPairing"/>): paired accuracy (an item is correct where its score
/// reaches the threshold) with McNemar's exact test, and percentile-bootstrap 95 % intervals of the accuracy and
/// mean-score differences (B − A).
/// </summary>
public static class MethodComparer
{
    public static MethodComparison Compare(Guid runA, Guid runB, string metric, double threshold, IReadOnlyList<(double A, double B)> pairs,
        IReadOnlyList<string>? itemKeys = null, int unpairedA = 0, int unpairedB = 0)
    {
        int both = 0, onlyA = 0, onlyB = 0, neither = 0;
        var accuracyDifferences = new double[pairs.Count];
        var scoreDifferences = new double[pairs.Count];
        for (var i = 0; i < pairs.Count; i++)
        {
            var (a, b) = pairs[i];
            bool okA = a >= threshold, okB = b >= threshold;
            if (okA && okB) both++;
            else if (okA) onlyA++;
            else if (okB) onlyB++;
            else neither++;
            accuracyDifferences[i] = (okB ? 1 : 0) - (okA ? 1 : 0);
            scoreDifferences[i] = b - a;
        }
        var n = pairs.Count;
        if (n == 0) return new MethodComparison(runA, runB, metric, threshold, 0, null, null, null, null, 0, 0, 0, 0, 1, null, null, null, null, false, [],
            unpairedA, unpairedB);
        var items = pairs.Select((x, i) => new PairedItem(itemKeys?[i] ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture), R(x.A), R(x.B), R(x.B - x.A))).ToList();
        var accuracyA = (double)(both + onlyA) / n;
        var accuracyB = (double)(both + onlyB) / n;
        var p = McNemar.ExactP(onlyA, onlyB);
        var accuracyInterval = Bootstrap.MeanDifferenceInterval(accuracyDifferences);
        var scoreInterval = Bootstrap.MeanDifferenceInterval(scoreDifferences);
        return new MethodComparison(runA, runB, metric, threshold, n, R(accuracyA), R(accuracyB), R(accuracyB - accuracyA),
            [R(accuracyInterval.Lower), R(accuracyInterval.Upper)], both, onlyA, onlyB, neither, R(p),
            R(pairs.Average(x => x.A)), R(pairs.Average(x => x.B)), R(scoreDifferences.Average()), [R(scoreInterval.Lower), R(scoreInterval.Upper)], p < 0.05, items,
            unpairedA, unpairedB);
    }

    private static double R(double value) => Math.Round(value, 6);
}

public sealed record MethodComparison(Guid RunA, Guid RunB, string Metric, double Threshold, int Pairs,
    double? AccuracyA, double? AccuracyB, double? AccuracyDifference, double[]? AccuracyDifferenceCi95,
    int BothCorrect, int OnlyACorrect, int OnlyBCorrect, int NeitherCorrect, double McnemarP,
    double? MeanA, double? MeanB, double? MeanDifference, double[]? MeanDifferenceCi95, bool Significant, IReadOnlyList<PairedItem> Items,
    int UnpairedA = 0, int UnpairedB = 0)
{
    /// <summary>How items were paired: by identity (equal parameters and repetition, or the same dataset item).</summary>
    public string PairedBy => "item_identity";
}

/// <summary>One item of both runs: the metric in each and B − A.</summary>
public sealed record PairedItem(string ItemKey, double A, double B, double Difference);
