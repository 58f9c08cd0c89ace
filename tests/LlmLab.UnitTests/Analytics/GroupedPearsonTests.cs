using LlmLab.Analytics.Analysis;
using LlmLab.Analytics.Rollups;
using LlmLab.ServiceKit.Statistics;

namespace LlmLab.UnitTests.Analytics;

/// <summary>The correlation view's Pearson from a score's moments per parameter value, against Pearson over the rows.</summary>
public class GroupedPearsonTests
{
    [Fact]
    public void Pearson_from_moments_per_parameter_value_equals_pearson_over_the_rows_that_have_the_score()
    {
        // 600 rows over 6 temperatures, the score falling with temperature, every seventh score missing.
        var random = new Random(11);
        var rows = Enumerable.Range(0, 600).Select(i =>
        {
            var x = 0.2 * (i % 6);
            double? y = i % 7 == 0 ? null : 90 - 30 * x + random.NextDouble() * 20;
            return (X: x, Y: y);
        }).ToList();
        var groups = rows.GroupBy(r => r.X).Select(g => (g.Key, Moments.Of(g.Where(r => r.Y is not null).Select(r => r.Y!.Value).ToArray())));

        var sums = GroupedPearson.Of(groups);

        var paired = rows.Where(r => r.Y is not null).ToList();
        var direct = Tests.Pearson(paired.Select(r => r.X).ToList(), paired.Select(r => r.Y!.Value).ToList());
        Assert.Equal(paired.Count, sums.N);
        Assert.Equal(direct.R, sums.R!.Value, 10);
        Assert.True(sums.R < -0.5);
    }

    [Fact]
    public void A_parameter_with_one_value_among_the_scored_rows_or_no_scored_rows_has_no_coefficient()
    {
        // The second value's rows have no score, so among the pairs the parameter never varies.
        var oneValue = GroupedPearson.Of([(0.5, Moments.Of([70, 80, 75])), (1.0, Moments.Of([]))]);
        Assert.Equal(3, oneValue.N);
        Assert.Null(oneValue.R);
        var constantScore = GroupedPearson.Of([(0.5, Moments.Of([70, 70])), (1.0, Moments.Of([70]))]);
        Assert.Null(constantScore.R);
        var empty = GroupedPearson.Of([]);
        Assert.Equal(0, empty.N);
        Assert.Null(empty.R);
    }

    [Fact]
    public void Ranks_of_a_column_with_ties_and_missing_values_are_the_average_ranks_of_its_present_values()
    {
        var random = new Random(5);
        var column = Enumerable.Range(0, 2_000).Select(i => i % 9 == 0 ? (double?)null : Math.Round(random.NextDouble() * 50)).ToList();
        var present = column.Where(v => v is not null).Select(v => v!.Value).ToList();
        var expected = Tests.Ranks(present);

        var ranks = RankCorrelation.Ranks(column);

        Assert.Equal(column.Select(v => v is null), ranks.Select(r => r is null));
        Assert.Equal(expected, ranks.Where(r => r is not null).Select(r => r!.Value));
    }

    [Fact]
    public void The_covering_sample_indexes_hold_every_sample_of_a_tenant_from_their_threshold()
    {
        Assert.True(HashSample.Buckets(SampleIndexes.CoveredFrom) <= SampleIndexes.CoveredBuckets);
        Assert.True(HashSample.Buckets(SampleIndexes.CoveredFrom - 1_000) > SampleIndexes.CoveredBuckets);
        Assert.Contains($"WHERE {HashSample.Bucket} < {SampleIndexes.CoveredBuckets}", SampleIndexes.Create());
    }
}
