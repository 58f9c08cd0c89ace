using LlmLab.Analytics.Apis;
using LlmLab.Analytics.Feedback;

namespace LlmLab.UnitTests.Analytics;

public sealed class CalibrationTests
{
    private static readonly string[] Metrics = ["a", "b", "c"];

    [Fact]
    public void The_fit_recovers_the_weights_people_used_and_gives_no_weight_to_a_metric_people_ignore()
    {
        var random = new Random(7);
        var x = Enumerable.Range(0, 200).Select(_ => new[] { random.NextDouble() * 100, random.NextDouble() * 100, random.NextDouble() * 100 }).ToList();
        var people = x.Select(r => 0.75 * r[0] + 0.25 * r[1]).ToList();

        var w = WeightFit.Fit(x, people);

        Assert.Equal(0.75, w[0], 3);
        Assert.Equal(0.25, w[1], 3);
        Assert.Equal(0, w[2], 3);
        Assert.Equal(1, w.Sum(), 9);
    }

    [Fact]
    public void A_metric_that_falls_as_people_rise_gets_no_weight_rather_than_a_negative_one()
    {
        var x = Enumerable.Range(0, 50).Select(i => new double[] { i, 100 - i }).ToList();
        var people = x.Select(r => r[0]).ToList();

        var w = WeightFit.Fit(x, people);

        Assert.Equal([1.0, 0.0], w);
    }

    [Fact]
    public void Nothing_rises_with_people_gives_all_zero_weights()
    {
        var x = Enumerable.Range(0, 30).Select(i => new double[] { 100 - i }).ToList();
        Assert.Equal([0.0], WeightFit.Fit(x, x.Select((_, i) => (double)i).ToList()));
    }

    [Fact]
    public void Calibration_raises_cross_validated_agreement_when_the_default_overall_score_weighs_the_wrong_metric()
    {
        var random = new Random(11);
        var rows = Enumerable.Range(0, 60).Select(i =>
        {
            var m = new Dictionary<string, double> { ["a"] = random.NextDouble() * 100, ["b"] = random.NextDouble() * 100, ["c"] = random.NextDouble() * 100 };
            var people = Math.Clamp(Math.Round(1 + m["a"] / 25 + (random.NextDouble() - 0.5)), 1, 5);
            return new CalibrationRow(Guid.CreateVersion7(), m, Overall: (m["b"] + m["c"]) / 2, people);
        }).ToList();

        var outcome = Calibration.Run(rows, Metrics, folds: 5);

        Assert.Equal(60, outcome.N);
        Assert.Equal(60, outcome.Before.N);
        Assert.Equal(60, outcome.AfterCrossValidated.N);
        Assert.True(outcome.Weights["a"] > 0.8, $"a weighs {outcome.Weights["a"]}");
        Assert.True(outcome.AfterCrossValidated.Spearman > 0.8, $"after {outcome.AfterCrossValidated.Spearman}");
        Assert.True(Math.Abs(outcome.Before.Spearman!.Value) < 0.4, $"before {outcome.Before.Spearman}");
        Assert.NotNull(outcome.AfterCrossValidated.Ci95);
    }

    [Fact]
    public void The_same_feedback_in_another_order_gives_the_same_profile()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 40).Select(_ =>
        {
            var m = Metrics.ToDictionary(k => k, _ => random.NextDouble() * 100);
            return new CalibrationRow(Guid.NewGuid(), m, m.Values.Average(), random.Next(1, 6));
        }).ToList();

        var first = Calibration.Run(rows, Metrics, 4);
        var shuffled = Calibration.Run(rows.OrderBy(_ => random.Next()).ToList(), Metrics, 4);

        Assert.Equal(first.Weights, shuffled.Weights);
        Assert.Equal(first.AfterCrossValidated.Spearman, shuffled.AfterCrossValidated.Spearman);
        Assert.Equal(first.AfterCrossValidated.Ci95, shuffled.AfterCrossValidated.Ci95);
    }

    [Theory]
    [InlineData(null, null, "name")]
    [InlineData("has space", null, "name")]
    [InlineData("ok", 1, "folds")]
    [InlineData("ok", 21, "folds")]
    public void A_bad_request_names_its_field(string? name, int? folds, string field)
    {
        Assert.Contains(field, new CalibrateRequest(name, null, null, folds).Validate().Keys);
    }

    [Fact]
    public void The_profile_weighs_every_score_the_overall_score_is_made_of_and_not_the_overall_score()
    {
        Assert.DoesNotContain("overall_score", CalibrationApi.Weighable);
        Assert.Equal(7, CalibrationApi.Weighable.Count);
    }
}
