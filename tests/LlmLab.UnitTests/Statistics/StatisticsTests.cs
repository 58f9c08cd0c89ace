using LlmLab.ServiceKit.Statistics;

namespace LlmLab.UnitTests.Statistics;

/// <summary>Against reference values from standard tables (Student's t) and worked examples.</summary>
public class StatisticsTests
{
    [Theory]
    [InlineData(2.228, 10, 0.05)]     // t table: two-sided 5% critical value for df = 10
    [InlineData(2.086, 20, 0.05)]
    [InlineData(3.169, 10, 0.01)]
    [InlineData(1.96, 100000, 0.05)]  // the normal limit
    [InlineData(0, 5, 1)]
    public void Student_t_two_sided_p_values_match_the_table(double t, double df, double expected) =>
        Assert.Equal(expected, Tests.TwoSidedP(t, df), 3);

    [Fact]
    public void Pearson_r_of_a_worked_example()
    {
        // x = 1..5, y = 2, 4, 5, 4, 5: r = 6 / √(10 · 6) = 0.7746; t = 2.1213, df = 3 → p = 0.124
        var (r, p, n) = Tests.Pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
        Assert.Equal(0.774597, r, 5);
        Assert.Equal(0.124, p, 3);
        Assert.Equal(5, n);
    }

    [Fact]
    public void Spearman_uses_average_ranks_for_ties()
    {
        Assert.Equal([1.0, 2.5, 2.5, 4.0], Tests.Ranks([10, 20, 20, 30]));
        var (rho, _, _) = Tests.Spearman([1, 2, 3, 4, 5], [1, 4, 9, 16, 25]);
        Assert.Equal(1.0, rho, 10);
    }

    [Fact]
    public void Welch_t_test_of_a_worked_example()
    {
        // a: mean 20, s² = 2.5 (n 5); b: mean 22, s² = 2.5 (n 5): t = −2/√1 = −2, df = 8 → p = 0.0805
        var (t, df, p) = Tests.Welch([18, 19, 20, 21, 22], [20, 21, 22, 23, 24]);
        Assert.Equal(-2, t, 6);
        Assert.Equal(8, df, 6);
        Assert.Equal(0.08052, p, 4);
    }

    [Fact]
    public void Too_few_values_give_no_claim()
    {
        Assert.Equal(1, Tests.Pearson([1, 2], [2, 3]).P);
        Assert.Equal(1, Tests.Welch([1], [2, 3]).P);
    }

    [Fact]
    public void Percentiles_interpolate_between_closest_ranks()
    {
        double[] sorted = [10, 20, 30, 40];
        Assert.Equal(25, Percentiles.Of(sorted, 50));          // position 1.5
        Assert.Equal(38.5, Percentiles.Of(sorted, 95), 10);    // position 2.85
        Assert.Equal(10, Percentiles.Of(sorted, 0));
        Assert.Equal(40, Percentiles.Of(sorted, 100));
        Assert.True(double.IsNaN(Percentiles.Of([], 50)));
    }
}
