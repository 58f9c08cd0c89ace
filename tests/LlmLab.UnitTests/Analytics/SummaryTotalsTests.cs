using LlmLab.Analytics.Queries;

namespace LlmLab.UnitTests.Analytics;

/// <summary>The summary's finishing step, shared by the raw rows and the rollups: means of merged sums, rounding, nulls.</summary>
public class SummaryTotalsTests
{
    [Fact]
    public void Means_of_per_day_sums_equal_the_means_over_the_rows()
    {
        // Two days' grains: exact match over the responses with a reference only, F1 over those with an F1.
        double[] exactDay1 = [100, 0, 100], exactDay2 = [100], f1Day1 = [90.5, 12.25, 88, 40], f1Day2 = [77.75, 63];
        var totals = new SummaryTotals(Responses: 9, PromptTokens: 180, CompletionTokens: 905, CostUsd: 0.001_810_000_4,
            OverallN: 8, OverallSum: 8 * 71.234_56, ExactMatchN: exactDay1.Length + exactDay2.Length, ExactMatchSum: exactDay1.Sum() + exactDay2.Sum(),
            F1N: f1Day1.Length + f1Day2.Length, F1Sum: f1Day1.Sum() + f1Day2.Sum());
        var summary = totals.ToSummary("30d", runs: 2, latency: [201.26, 388.875], latencyRows: 9);

        Assert.Equal(Math.Round(exactDay1.Concat(exactDay2).Average(), 4), summary.Accuracy.ExactMatch);
        Assert.Equal(Math.Round(f1Day1.Concat(f1Day2).Average(), 4), summary.Accuracy.F1);
        Assert.Equal(4, summary.Accuracy.Responses);
        Assert.Equal(71.23, summary.MeanOverallScore);
        Assert.Equal(0.00181, summary.CostUsd);
        Assert.Equal((201.3, 388.9), (summary.LatencyP50Ms!.Value, summary.LatencyP95Ms!.Value));
        Assert.Equal((9L, 2L, 9L), (summary.Responses, summary.Runs, summary.LatencySampleSize));
    }

    [Fact]
    public void Without_references_or_responses_the_means_are_null_not_zero()
    {
        var noReference = new SummaryTotals(3, 60, 240, 0.00048, 3, 210, 0, null, 0, 0).ToSummary("7d", 1, [150, 160], 3);
        Assert.Null(noReference.Accuracy.ExactMatch);
        Assert.Null(noReference.Accuracy.F1);
        Assert.Equal(0, noReference.Accuracy.Responses);
        Assert.Equal(70, noReference.MeanOverallScore);

        var empty = new SummaryTotals(0, 0, 0, 0, 0, null, 0, null, 0, null).ToSummary("30d", 0, null, 0);
        Assert.Null(empty.MeanOverallScore);
        Assert.Null(empty.LatencyP50Ms);
        Assert.Equal(0, empty.LatencySampleSize);
        Assert.Null(SummaryTotals.Mean(0, 0));
        Assert.Equal(2.5, SummaryTotals.Mean(4, 10));
    }
}
