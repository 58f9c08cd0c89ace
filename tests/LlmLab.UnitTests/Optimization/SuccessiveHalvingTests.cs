using LlmLab.Optimization;

namespace LlmLab.UnitTests.Optimization;

public class SuccessiveHalvingTests
{
    [Fact]
    public void Plan_keeps_a_third_and_triples_the_calls_until_one_is_left_or_the_repetitions_end()
    {
        Assert.Equal([new Rung(27, 1), new Rung(9, 3), new Rung(3, 9), new Rung(1, 27)], HalvingPlan.Rungs(27, 27));
        Assert.Equal([new Rung(27, 1), new Rung(9, 3), new Rung(3, 4)], HalvingPlan.Rungs(27, 4));
        Assert.Equal(27 + 9 * 2 + 3 * 1, HalvingPlan.Cost(HalvingPlan.Rungs(27, 4)));
    }

    [Fact]
    public void Plan_starts_with_as_many_configurations_as_the_budget_pays_for()
    {
        var plan = HalvingPlan.For(210, 4, 252);
        Assert.True(HalvingPlan.Cost(plan) <= 252);
        Assert.True(HalvingPlan.Cost(HalvingPlan.Rungs(plan[0].Configurations + 1, 4)) > 252, "one configuration more would not fit");
        Assert.Empty(HalvingPlan.For(210, 4, 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Finds_a_configuration_within_2_percent_of_a_noisy_hills_top_with_30_percent_of_the_grid(long seed)
    {
        var space = Surfaces.TemperatureTopP(repetitions: 4);
        var budget = (int)(space.GridCalls * 0.3);
        var outcome = OfflineSearch.Run(new SuccessiveHalving(), space, budget, seed, Surfaces.Noisy(space, noise: 2));
        var found = Surfaces.Truth(space.Configurations[outcome.Best!.Configuration]);
        Assert.True(found >= 0.98 * Surfaces.BestTruth(space), $"found {found:F2}, the top is {Surfaces.BestTruth(space):F2}");
        Assert.True(outcome.Progress.CallsSpent <= budget);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(60)]
    [InlineData(840)]
    public void Never_spends_more_than_the_budget_nor_more_calls_on_a_configuration_than_the_grid(int budget)
    {
        var space = Surfaces.TemperatureTopP(repetitions: 4);
        var outcome = OfflineSearch.Run(new SuccessiveHalving(), space, budget, 3, Surfaces.Noisy(space, 3));
        Assert.InRange(outcome.Progress.CallsSpent, 1, budget);
        Assert.All(outcome.Progress.Results.Values, r => Assert.InRange(r.Calls, 1, 4));
        Assert.Equal(outcome.Trajectory.Select(p => p.CallsSpent).Order(), outcome.Trajectory.Select(p => p.CallsSpent));
    }

    [Fact]
    public void The_same_seed_takes_the_same_path_and_another_seed_starts_elsewhere()
    {
        var space = Surfaces.TemperatureTopP(repetitions: 4);
        var score = Surfaces.Noisy(space, 3);
        var a = OfflineSearch.Run(new SuccessiveHalving(), space, 120, 11, score);
        var b = OfflineSearch.Run(new SuccessiveHalving(), space, 120, 11, score);
        var c = OfflineSearch.Run(new SuccessiveHalving(), space, 120, 12, score);
        Assert.Equal(Flatten(a), Flatten(b));
        Assert.NotEqual(Flatten(a.Progress.Rounds[0]), Flatten(c.Progress.Rounds[0]));
    }

    [Fact]
    public void Survivors_are_the_best_of_the_previous_rung_by_mean()
    {
        var space = Surfaces.TemperatureTopP(repetitions: 3);
        var score = Surfaces.Noisy(space, 0);
        var outcome = OfflineSearch.Run(new SuccessiveHalving(), space, (int)space.GridCalls, 1, score);
        Assert.Equal(210, outcome.Progress.Rounds[0].Count);
        var firstRung = outcome.Progress.Rounds[0].Select(r => r.Configuration).OrderByDescending(c => Surfaces.Truth(space.Configurations[c])).ThenBy(c => c);
        Assert.Equal(firstRung.Take(70).Order(), outcome.Progress.Rounds[1].Select(r => r.Configuration).Order());
        Assert.Equal(Surfaces.BestTruth(space), Surfaces.Truth(space.Configurations[outcome.Best!.Configuration]));
    }

    private static string Flatten(SearchOutcome outcome) => string.Join("|", outcome.Progress.Rounds.Select(Flatten));

    private static string Flatten(IReadOnlyList<TrialRequest> round) => string.Join(",", round.Select(r => $"{r.Configuration}x{r.Calls}"));
}
