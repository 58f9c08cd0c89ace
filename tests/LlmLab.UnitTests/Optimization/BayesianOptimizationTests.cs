using LlmLab.Optimization;

namespace LlmLab.UnitTests.Optimization;

public class BayesianOptimizationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Finds_a_configuration_within_2_percent_of_a_noisy_hills_top_across_models_with_30_percent_of_the_grid(long seed)
    {
        var space = Surfaces.TemperatureTopP(repetitions: 3, twoModels: true);
        var budget = (int)(space.GridCalls * 0.3);
        var outcome = OfflineSearch.Run(new BayesianOptimization(), space, budget, seed, Surfaces.Noisy(space, noise: 3));
        var found = Surfaces.Truth(space.Configurations[outcome.Best!.Configuration]);
        Assert.True(found >= 0.98 * Surfaces.BestTruth(space), $"found {found:F2}, the top is {Surfaces.BestTruth(space):F2}");
        Assert.True(outcome.Progress.CallsSpent <= budget);
        Assert.Equal(3, outcome.Best.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(100)]
    public void Never_spends_more_than_the_budget_nor_more_calls_on_a_configuration_than_the_grid(int budget)
    {
        var space = Surfaces.TemperatureTopP(repetitions: 2);
        var outcome = OfflineSearch.Run(new BayesianOptimization(), space, budget, 5, Surfaces.Noisy(space, 3));
        Assert.InRange(outcome.Progress.CallsSpent, 1, budget);
        Assert.All(outcome.Progress.Results.Values, r => Assert.InRange(r.Calls, 1, 2));
    }

    [Fact]
    public void The_same_seed_takes_the_same_path()
    {
        var space = Surfaces.TemperatureTopP(repetitions: 3);
        var score = Surfaces.Noisy(space, 3);
        var a = OfflineSearch.Run(new BayesianOptimization(), space, 90, 21, score);
        var b = OfflineSearch.Run(new BayesianOptimization(), space, 90, 21, score);
        Assert.Equal(a.Trajectory, b.Trajectory);
        Assert.Equal(a.Progress.Rounds.SelectMany(r => r), b.Progress.Rounds.SelectMany(r => r));
    }

    [Fact]
    public void Stops_confident_before_the_budget_when_nothing_can_improve_on_the_best()
    {
        var space = Surfaces.TemperatureTopP(repetitions: 1);
        var outcome = OfflineSearch.Run(new BayesianOptimization(), space, 200, 1, (_, _) => 50);
        Assert.StartsWith("confident", outcome.StopReason, StringComparison.Ordinal);
        Assert.True(outcome.Progress.CallsSpent < 200, $"spent {outcome.Progress.CallsSpent}");
    }

    [Fact]
    public void A_failed_call_counts_as_spent_and_gives_no_score()
    {
        var space = Surfaces.TemperatureTopP(repetitions: 2);
        var outcome = OfflineSearch.Run(new BayesianOptimization(), space, 40, 2, (c, r) => c % 2 == 0 ? null : Surfaces.Truth(space.Configurations[c]));
        Assert.True(outcome.Progress.CallsSpent <= 40);
        Assert.Contains(outcome.Progress.Results.Values, r => r.Calls > 0 && r.Scores.Count == 0);
        Assert.Equal(1, outcome.Best!.Configuration % 2);
    }

    [Fact]
    public void The_gaussian_process_reproduces_what_it_saw_and_is_unsure_far_from_it()
    {
        double[][] x = [[0.0], [0.25], [0.5], [0.75], [1.0]];
        double[] y = [1, 3, 4, 3, 1];
        var gp = GaussianProcess.Fit(x, y, [10, 10, 10, 10, 10]);
        var (atPeak, sdAtPeak) = gp.Predict([0.5]);
        Assert.InRange(atPeak, 3.7, 4.3);
        Assert.True(gp.Predict([3.0]).StdDev > 3 * sdAtPeak);
    }

    [Fact]
    public void Expected_improvement_grows_with_the_mean_and_with_uncertainty()
    {
        Assert.True(BayesianOptimization.ExpectedImprovement((12, 1), 10, 0) > BayesianOptimization.ExpectedImprovement((10, 1), 10, 0));
        Assert.True(BayesianOptimization.ExpectedImprovement((10, 3), 10, 0) > BayesianOptimization.ExpectedImprovement((10, 1), 10, 0));
        Assert.Equal(0, BayesianOptimization.ExpectedImprovement((9, 0), 10, 0));
    }
}
