using LlmLab.ServiceKit.Statistics;

namespace LlmLab.UnitTests.Statistics;

/// <summary>McNemar's exact test, the bootstrap interval and the regression line, against values worked out by hand.</summary>
public class PairedAndTrendStatisticsTests
{
    [Theory]
    [InlineData(1, 9, 0.021484375)]     // 2·(C(10,0)+C(10,1))/2¹⁰ = 2·11/1024
    [InlineData(9, 1, 0.021484375)]     // symmetric
    [InlineData(0, 5, 0.0625)]          // 2/2⁵
    [InlineData(3, 10, 0.09228515625)]  // 2·(1+13+78+286)/2¹³
    [InlineData(5, 5, 1.0)]             // no evidence either way, capped at 1
    [InlineData(0, 0, 1.0)]             // no discordant pairs
    public void McNemar_exact_p_matches_the_binomial_tail(int onlyA, int onlyB, double expected) =>
        Assert.Equal(expected, McNemar.ExactP(onlyA, onlyB), 10);

    [Fact]
    public void McNemar_stays_finite_for_thousands_of_pairs()
    {
        var p = McNemar.ExactP(2400, 2600);
        // Normal approximation: z = (2600 − 2500) / √1250 = 2.828 → p ≈ 0.0047
        Assert.InRange(p, 0.004, 0.0055);
    }

    [Fact]
    public void Bootstrap_interval_of_constant_differences_has_no_width()
    {
        var (lower, upper) = Bootstrap.MeanDifferenceInterval([1, 1, 1, 1, 1]);
        Assert.Equal(1, lower);
        Assert.Equal(1, upper);
    }

    [Fact]
    public void Bootstrap_interval_matches_the_normal_interval_for_a_large_sample_and_is_reproducible()
    {
        // 400 differences, half 0 and half 1: mean 0.5, standard error 0.025, so about 0.451 … 0.549.
        var differences = Enumerable.Range(0, 400).Select(i => (double)(i % 2)).ToList();
        var (lower, upper) = Bootstrap.MeanDifferenceInterval(differences);
        Assert.InRange(lower, 0.44, 0.462);
        Assert.InRange(upper, 0.538, 0.56);
        Assert.Equal((lower, upper), Bootstrap.MeanDifferenceInterval(differences));
    }

    [Fact]
    public void Linear_fit_of_a_worked_example()
    {
        // x = 1..5, y = 2, 4, 5, 4, 5: slope = Sxy/Sxx = 6/10, intercept = 4 − 0.6·3, r² = 36/60; the slope's p equals Pearson's 0.124.
        var fit = LinearFit.Of([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
        Assert.Equal(0.6, fit.Slope, 10);
        Assert.Equal(2.2, fit.Intercept, 10);
        Assert.Equal(0.6, fit.RSquared, 10);
        Assert.Equal(0.124, fit.SlopePValue, 3);
    }

    [Fact]
    public void Linear_fit_of_a_flat_series_has_no_significant_slope()
    {
        var fit = LinearFit.Of([1, 2, 3, 4], [7, 7, 7, 7]);
        Assert.Equal(0, fit.Slope, 10);
        Assert.Equal(1, fit.SlopePValue);
    }

    [Fact]
    public void Welch_from_summary_statistics_equals_welch_from_samples()
    {
        var fromSamples = Tests.Welch([18, 19, 20, 21, 22], [20, 21, 22, 23, 24]);
        var fromSummary = Tests.Welch(20, Math.Sqrt(2.5), 5, 22, Math.Sqrt(2.5), 5);
        Assert.Equal(fromSamples.P, fromSummary.P, 10);
        Assert.Equal(fromSamples.T, fromSummary.T, 10);
    }
}
