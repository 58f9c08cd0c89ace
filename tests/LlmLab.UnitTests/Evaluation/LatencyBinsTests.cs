extern alias evaluation;
using evaluation::LlmLab.Evaluation.Queries;

namespace LlmLab.UnitTests.Evaluation;

public sealed class LatencyBinsTests
{
    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1, 1)]
    [InlineData(13, 20)]
    [InlineData(37, 50)]
    [InlineData(51, 100)]
    [InlineData(0.003, 0.005)]
    [InlineData(0, 1)]
    public void Widths_are_1_2_or_5_times_a_power_of_ten(double raw, double expected) =>
        Assert.Equal(expected, LatencyBins.NiceWidth(raw), 9);

    private static int[] Count(double[] values, int maxBins = 12)
    {
        var layout = LatencyBins.For(values.Min(), values.Max(), values.Length, maxBins)!.Value;
        var counts = new int[layout.Count];
        foreach (var v in values) counts[layout.IndexOf(v)]++;
        return counts;
    }

    [Fact]
    public void Every_value_falls_in_exactly_one_bin_of_a_nice_width()
    {
        double[] values = [12, 18, 25, 31, 44, 47, 52, 58, 66, 99];
        var layout = LatencyBins.For(values.Min(), values.Max(), values.Length, 12)!.Value;
        Assert.Equal(values.Length, Count(values).Sum());
        Assert.Contains(layout.Width, new double[] { 1, 2, 5, 10, 20, 50, 100 });
        Assert.True(layout.From(0) <= 12);
        Assert.True(layout.To(layout.Count - 1) > 99);
        for (var i = 1; i < layout.Count; i++) Assert.Equal(layout.To(i - 1), layout.From(i));
    }

    [Fact]
    public void A_value_on_an_edge_counts_in_the_bin_it_starts()
    {
        // 4 values: 2 bins wanted, width 10 from 0; bins are half-open, so 10 and 20 each start the next bin.
        var layout = LatencyBins.For(0, 20, 4, 12)!.Value;
        Assert.Equal((0.0, 10.0, 3), (layout.Start, layout.Width, layout.Count));
        Assert.Equal([2, 1, 1], Count([0, 5, 10, 20]));
    }

    [Fact]
    public void One_value_equal_values_and_no_values()
    {
        Assert.Null(LatencyBins.For(0, 0, 0, 12));
        var one = LatencyBins.For(42, 42, 1, 12)!.Value;
        Assert.Equal((42.0, 43.0, 1), (one.From(0), one.To(0), one.Count));
        Assert.Equal(3, Count([7, 7, 7]).Sum());
        Assert.Null(LatencyBins.For(double.NaN, 3, 2, 12));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(5)]
    public void Never_more_than_max_bins(int maxBins)
    {
        var values = Enumerable.Range(0, 1000).Select(i => i * 1.37).ToArray();
        Assert.True(LatencyBins.For(values.Min(), values.Max(), values.Length, maxBins)!.Value.Count <= maxBins);
    }
}
