using LlmLab.Analytics.Analysis;
using LlmLab.Analytics.Apis;
using LlmLab.ServiceKit.Statistics;

namespace LlmLab.UnitTests.Analytics;

public class AnalysisTests
{
    private static ValueStats Stats(string value, double[] scores)
    {
        var (mean, std, n) = Tests.Describe(scores);
        return new ValueStats(value, n, mean, std);
    }

    [Fact]
    public void Pooling_group_summaries_gives_the_summary_of_their_union()
    {
        double[] a = [60, 62, 64], b = [70, 71, 75, 80];
        var pooled = ParameterOptimizer.Pool([Stats("a", a), Stats("b", b)]);
        var direct = Tests.Describe([.. a, .. b]);
        Assert.Equal(direct.Count, pooled.Count);
        Assert.Equal(direct.Mean, pooled.Mean, 10);
        Assert.Equal(direct.StdDev, pooled.StdDev, 10);
    }

    [Fact]
    public void The_recommended_value_is_the_best_mean_tested_against_all_the_other_values()
    {
        double[] low = [50, 52, 51, 49, 50], mid = [60, 61, 59, 62, 58], high = [70, 72, 71, 69, 70];
        var recommendation = ParameterOptimizer.Recommend("temperature", "overall_score", [Stats("1.5", low), Stats("0.2", high), Stats("0.7", mid)])!;
        Assert.Equal("0.2", recommendation.OptimalValue);
        Assert.Equal("1.5", recommendation.WorstValue);
        Assert.Equal((70.4 - 50.4) / 50.4 * 100, recommendation.QualityImpactPercent, 2);
        var (_, _, p) = Tests.Welch(high, [.. low, .. mid]);
        Assert.Equal(p, recommendation.PValue, 6);
        Assert.Equal(["0.2", "0.7", "1.5"], recommendation.Values.Select(v => v.Value)); // numeric order
        Assert.Contains("Use temperature = 0.2", recommendation.Recommendation);
    }

    [Fact]
    public void A_parameter_with_one_value_gets_no_recommendation() =>
        Assert.Null(ParameterOptimizer.Recommend("max_tokens", "overall_score", [Stats("60", [1, 2, 3])]));

    [Fact]
    public void Without_a_significant_finding_the_only_claim_is_that_there_is_none_with_its_smallest_p()
    {
        var noise = ParameterOptimizer.Recommend("top_p", "overall_score", [Stats("0.5", [50, 60, 55]), Stats("1", [52, 58, 56])])!;
        var optimization = new ParameterOptimization("overall_score", 6, new Dictionary<string, string> { ["top_p"] = noise.OptimalValue }, [noise]);
        var correlation = new CorrelationMatrix(6, [new Correlation("top_p", "overall_score", 6, 0.05, 0.9, 0.04, 0.94, 6)]);
        var insight = Assert.Single(InsightWriter.Write(optimization, correlation, [], null));
        Assert.Equal("no_significant_effect", insight.Kind);
        Assert.Equal(Math.Min(noise.PValue, 0.94), insight.PValue!.Value, 6); // Spearman p is the correlation p quoted
        Assert.Equal(6, insight.SampleSize);
    }

    [Fact]
    public void Significant_correlations_become_sentences_that_quote_rho_p_and_n()
    {
        var optimization = new ParameterOptimization("overall_score", 200, new Dictionary<string, string>(), []);
        var correlation = new CorrelationMatrix(200, [new Correlation("temperature", "overall_score", 200, -0.41, 0.0000001, -0.42, 0.0000002, 200)]);
        var insight = Assert.Single(InsightWriter.Write(optimization, correlation, [], null));
        Assert.Equal("spearman_rho", insight.Statistic);
        Assert.Equal("Overall score falls as temperature rises: Spearman's ρ = -0.42 (p < 0.001, n = 200), a moderate monotonic relation.", insight.Text);
    }

    [Fact]
    public void Method_comparison_counts_pairs_and_tests_the_discordant_ones()
    {
        // 10 pairs: 3 both correct, 1 only A, 5 only B, 1 neither.
        List<(double, double)> pairs = [(1, 1), (1, 1), (1, 1), (1, 0), (0, 1), (0, 1), (0, 1), (0, 1), (0, 1), (0, 0)];
        var result = MethodComparer.Compare(Guid.NewGuid(), Guid.NewGuid(), "exact_match", 1, pairs);
        Assert.Equal((3, 1, 5, 1), (result.BothCorrect, result.OnlyACorrect, result.OnlyBCorrect, result.NeitherCorrect));
        Assert.Equal(0.4, result.AccuracyA);
        Assert.Equal(0.8, result.AccuracyB);
        Assert.Equal(McNemar.ExactP(1, 5), result.McnemarP, 6);
        Assert.InRange(0.4, result.AccuracyDifferenceCi95![0], result.AccuracyDifferenceCi95[1]);
        Assert.False(result.Significant); // 1 vs 5 discordant: p = 0.21875
    }

    [Fact]
    public void A_steadily_rising_daily_mean_is_an_improving_trend()
    {
        var start = new DateOnly(2026, 11, 1);
        var points = Enumerable.Range(0, 10).Select(d => new TrendPoint(start.AddDays(d), 20, 50 + 2 * d + (d % 2 == 0 ? 0.3 : -0.3))).ToList();
        var trend = TrendsApi.Describe("overall_score", "30d", points);
        Assert.Equal("improving", trend.Direction);
        Assert.Equal(2, trend.RatePerDay!.Value, 1);
        Assert.Equal(200, trend.SampleSize);
        Assert.Equal("stable", TrendsApi.Describe("overall_score", "30d", points.Select((p, i) => p with { Mean = 60 + (i % 2) }).ToList()).Direction);
    }
}
