using System.Text.Json;
using LlmLab.Batch.Apis;
using LlmLab.Optimization;

namespace LlmLab.UnitTests.Optimization;

public class SearchCoreTests
{
    [Fact]
    public void Features_scale_varying_numbers_to_0_1_drop_constant_ones_and_one_hot_categories()
    {
        var space = new SearchSpace(
        [
            new SearchConfiguration(0, 0.0, 1, 0, 0, 64, "a", null),
            new SearchConfiguration(1, 1.0, 1, 0, 0, 64, "b", null),
            new SearchConfiguration(2, 2.0, 1, 0, 0, 64, "a", null),
        ], 2);
        Assert.Equal(3, space.Features[0].Length);
        Assert.Equal([0.0, 0.5, 1.0], space.Features.Select(f => f[0]));
        Assert.Equal(1.0, Math.Sqrt(space.Features[0].Zip(space.Features[1], (a, b) => (a - b) * (a - b)).Sum() - 0.25), 9);
        Assert.Equal(6, space.GridCalls);
    }

    [Fact]
    public void The_best_is_the_highest_mean_among_the_configurations_called_most()
    {
        var results = new Dictionary<int, ConfigurationResult>
        {
            [0] = new(1, [95]),
            [1] = new(3, [70, 80, 75]),
            [2] = new(3, [60, 90, 72]),
            [3] = new(3, []),
        };
        Assert.Equal(new BestConfiguration(1, 75, 3), SearchBest.Of(results));
        Assert.Null(SearchBest.Of(new Dictionary<int, ConfigurationResult> { [0] = new(2, []) }));
    }

    [Theory]
    [InlineData("""{"budget_calls": 10}""", "strategy")]
    [InlineData("""{"strategy": "grid", "budget_calls": 10}""", "strategy")]
    [InlineData("""{"strategy": "bayesian"}""", "budget_calls")]
    [InlineData("""{"strategy": "bayesian", "budget_calls": 0}""", "budget_calls")]
    [InlineData("""{"strategy": "bayesian", "budget_calls": -5}""", "budget_calls")]
    [InlineData("""{"strategy": "bayesian", "budget_calls": 101}""", "budget_calls")]
    [InlineData("""{"strategy": "bayesian", "budget_calls": 2.5}""", "budget_calls")]
    [InlineData("""{"strategy": "bayesian", "budget_calls": "ten"}""", "budget_calls")]
    [InlineData("""{"strategy": "bayesian", "budget_calls": 1e309}""", "budget_calls")]
    [InlineData("""{"strategy": "successive_halving", "budget_calls": 10, "seed": "x"}""", "seed")]
    public void A_bad_request_is_refused_naming_the_field(string json, string field)
    {
        var (_, _, _, errors) = SearchRequestRules.Validate(Parse(json), gridCalls: 100);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void A_strategy_that_is_not_a_string_cannot_be_read_and_the_reader_names_its_path()
    {
        var error = Assert.Throws<JsonException>(() => Parse("""{"strategy": 3, "budget_calls": 10}"""));
        Assert.Equal("$.strategy", error.Path);
    }

    [Fact]
    public void A_good_request_keeps_its_strategy_budget_and_seed()
    {
        var (strategy, budget, seed, errors) = SearchRequestRules.Validate(Parse("""{"strategy":"successive_halving","budget_calls":100,"seed":42}"""), 100);
        Assert.Empty(errors);
        Assert.Equal(("successive_halving", 100, 42L), (strategy, budget, seed));
        Assert.NotNull(SearchStrategies.Create(strategy!));
    }

    [Fact]
    public void Stored_rounds_read_back_give_the_same_next_step_so_a_restart_resumes_where_it_was()
    {
        var space = Surfaces.TemperatureTopP(repetitions: 3);
        var score = Surfaces.Noisy(space, 3);
        var progress = SearchProgress.Start(120, 8);
        var strategy = new BayesianOptimization();
        for (var round = 0; round < 3; round++) progress = OfflineSearch.Apply(progress, ((SearchStep.Evaluate)strategy.Next(space, progress)).Requests, score);

        var json = JsonSerializer.Serialize(progress.Rounds.Select(r => r.ToList()).ToList(), LlmLab.ServiceKit.ServiceKitExtensions.Json);
        Assert.Contains("\"configuration\":", json, StringComparison.Ordinal);
        var stored = JsonSerializer.Deserialize<List<List<TrialRequest>>>(json, LlmLab.ServiceKit.ServiceKitExtensions.Json)!;
        var resumed = progress with { Rounds = stored };
        Assert.Equal(strategy.Next(space, progress), strategy.Next(space, resumed), new StepComparer());
    }

    private sealed class StepComparer : IEqualityComparer<SearchStep>
    {
        public bool Equals(SearchStep? a, SearchStep? b) => (a, b) switch
        {
            (SearchStep.Evaluate x, SearchStep.Evaluate y) => x.Requests.SequenceEqual(y.Requests),
            (SearchStep.Stop x, SearchStep.Stop y) => x.Reason == y.Reason,
            _ => false,
        };

        public int GetHashCode(SearchStep obj) => 0;
    }

    private static SearchRequest Parse(string json) => JsonSerializer.Deserialize<SearchRequest>(json, LlmLab.ServiceKit.ServiceKitExtensions.Json)!;
}
