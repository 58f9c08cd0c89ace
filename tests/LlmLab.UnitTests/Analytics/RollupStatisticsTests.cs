using LlmLab.Analytics.Analysis;
using LlmLab.Analytics.Rollups;
using LlmLab.ServiceKit.Statistics;

namespace LlmLab.UnitTests.Analytics;

/// <summary>The statistics the rollups merge: sums per grain must give what the rows give.</summary>
public class RollupStatisticsTests
{
    private static Moments Merge(params Moments[] parts) => new(parts.Sum(p => p.N), parts.Sum(p => p.Sum), parts.Sum(p => p.SumOfSquares),
        parts.Where(p => p.Min is not null).Select(p => p.Min).DefaultIfEmpty(null).Min(), parts.Where(p => p.Max is not null).Select(p => p.Max).DefaultIfEmpty(null).Max());

    [Fact]
    public void Moments_merged_from_groups_give_the_mean_and_standard_deviation_of_the_union()
    {
        double[] a = [61.25, 62.5, 64.75], b = [70, 71.5, 75.25, 80.5], c = [];
        var merged = Merge(Moments.Of(a), Moments.Of(b), Moments.Of(c));
        var direct = Tests.Describe([.. a, .. b]);
        Assert.Equal(7, merged.N);
        Assert.Equal(direct.Mean, merged.Mean!.Value, 10);
        Assert.Equal(direct.StdDev, merged.StdDev!.Value, 10);
        Assert.Equal(61.25, merged.Min);
        Assert.Equal(80.5, merged.Max);
    }

    [Fact]
    public void Equal_values_have_a_standard_deviation_of_exactly_zero_and_one_value_none()
    {
        // 0.7 × 3 in sums leaves a residue of about 1e-16; a t-test would read it as a spread.
        var constant = Merge(Moments.Of([0.7, 0.7]), Moments.Of([0.7]));
        Assert.Equal(0, constant.StdDev);
        Assert.Null(Moments.Of([42.0]).StdDev);
        Assert.Null(Moments.Of([]).Mean);
    }

    [Fact]
    public void Pearson_from_per_grain_sums_equals_pearson_over_the_rows()
    {
        // Three grains: the parameter is constant in each, as in score_rollups.
        var grains = new (double X, double[] Y)[] { (0.2, [80, 78.5, 81]), (0.6, [70, 74, 69.5, 72]), (1.0, [55, 61.25]) };
        var x = grains.SelectMany(g => g.Y.Select(_ => g.X)).ToList();
        var y = grains.SelectMany(g => g.Y).ToList();
        var sums = new PearsonSums(y.Count, grains.Sum(g => g.X * g.Y.Length), grains.Sum(g => g.X * g.X * g.Y.Length), y.Sum(), y.Sum(v => v * v),
            grains.Sum(g => g.X * g.Y.Sum()), XConstant: false, YConstant: false);
        Assert.Equal(Tests.Pearson(x, y).R, sums.R!.Value, 10);
        Assert.True(sums.R < -0.9);
    }

    [Fact]
    public void Pearson_is_null_when_either_side_did_not_vary()
    {
        Assert.Null(new PearsonSums(3, 2.1, 1.47, 150, 7600, 105, XConstant: true, YConstant: false).R);
        Assert.Null(new PearsonSums(3, 1.5, 0.9, 150, 7500, 75, XConstant: false, YConstant: true).R);
        Assert.Null(new PearsonSums(1, 0.5, 0.25, 50, 2500, 25, XConstant: false, YConstant: false).R);
    }

    [Fact]
    public void The_hash_sample_uses_every_row_up_to_the_target_and_about_the_target_above()
    {
        Assert.Equal(HashSample.AllBuckets, HashSample.Buckets(HashSample.Target));
        Assert.Equal("", HashSample.Condition(HashSample.Target));
        Assert.Equal(21, HashSample.Buckets(1_000_000));
        Assert.InRange(HashSample.Buckets(1_000_000) * 1_000_000.0 / HashSample.AllBuckets, HashSample.Target, HashSample.Target * 1.05);
        Assert.Equal(" AND (hashtext(response_id::text) & 1023) < 21", HashSample.Condition(1_000_000));
    }
}

public class RankCorrelationTests
{
    [Fact]
    public void Spearman_without_missing_values_equals_pearson_of_average_ranks()
    {
        double[] x = [0.2, 0.2, 0.6, 0.6, 1.0, 1.0, 1.0];
        double[] y = [80, 77, 71, 75, 60, 66, 60];
        var (rho, n) = RankCorrelation.Of(RankCorrelation.Ranks(x.Select(v => (double?)v).ToList()), RankCorrelation.Ranks(y.Select(v => (double?)v).ToList()));
        Assert.Equal(7, n);
        Assert.Equal(Tests.Spearman(x, y).Rho, rho!.Value, 12);
        Assert.True(rho < -0.8);
    }

    [Fact]
    public void A_missing_score_is_left_unranked_and_its_pair_left_out_while_the_parameter_keeps_its_ranks_over_every_row()
    {
        double?[] parameter = [1, 2, 3, 4];
        double?[] score = [10, null, 30, 20];
        var ranks = RankCorrelation.Ranks(score);
        Assert.Equal([1, null, 3, 2], ranks);
        var (rho, n) = RankCorrelation.Of(ranks, RankCorrelation.Ranks(parameter));
        Assert.Equal(3, n);
        // Pairs (1,1), (3,3), (2,4): r of those values.
        Assert.Equal(Tests.Pearson([1.0, 3, 2], [1.0, 3, 4]).R, rho!.Value, 12);
        Assert.Null(RankCorrelation.Of([1, 1, 1], [1, 2, 3]).R);
    }
}
