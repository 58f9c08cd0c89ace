using LlmLab.Quality.Judging;

namespace LlmLab.UnitTests.Quality;

public class LlmJudgeTests
{
    private sealed class ScriptedModel(Func<string, int, string> answer) : IJudgeModel
    {
        public List<string> Prompts { get; } = [];

        public Task<string> CompleteAsync(string tenant, string provider, string model, string prompt, CancellationToken cancellationToken)
        {
            Prompts.Add(prompt);
            return Task.FromResult(answer(prompt, Prompts.Count));
        }
    }

    private sealed class UnreachableModel : IJudgeModel
    {
        public Task<string> CompleteAsync(string tenant, string provider, string model, string prompt, CancellationToken cancellationToken) =>
            throw new JudgeUnavailableException("InvalidArgument: provider: 'nope' is not configured.");
    }

    [Fact]
    public async Task A_parsed_score_is_scaled_to_100_with_its_reasoning()
    {
        var model = new ScriptedModel((_, _) => "Score: 8\nReasoning: Correct and clear.");
        var result = await new LlmJudge(model).ScoreAsync("t", "p", "m", "", "Why is the sky blue?", "Rayleigh scattering.", default);
        Assert.Equal(new JudgeResult(80, "Correct and clear.", null), result);
        Assert.Single(model.Prompts);
        Assert.Contains("Rayleigh scattering.", model.Prompts[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unparseable_answer_is_retried_once()
    {
        var model = new ScriptedModel((_, call) => call == 1 ? "I liked it a lot!" : "Score: 6/10\nReasoning: Fine.");
        var result = await new LlmJudge(model).ScoreAsync("t", "p", "m", "", "q", "a", default);
        Assert.Equal(60, result.Score);
        Assert.Equal(2, model.Prompts.Count);
        Assert.Contains("could not be read", model.Prompts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_unparseable_answers_are_an_error_never_a_default_score()
    {
        var model = new ScriptedModel((_, _) => "Score: eleven");
        var result = await new LlmJudge(model).ScoreAsync("t", "p", "m", "", "q", "a", default);
        Assert.Null(result.Score);
        Assert.Contains("could not be parsed after a retry", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, model.Prompts.Count);
    }

    [Theory]
    [InlineData("Score: 0", null)]
    [InlineData("Score: 11", null)]
    [InlineData("score = 7.5", 7.5)]
    [InlineData("**Score:** 9", null)]
    [InlineData("Score: 10 / 10", 10.0)]
    public void Scores_outside_1_to_10_are_not_accepted(string answer, double? expected) => Assert.Equal(expected, LlmJudge.Parse(answer));

    [Fact]
    public async Task An_unreachable_judge_is_an_error()
    {
        var result = await new LlmJudge(new UnreachableModel()).ScoreAsync("t", "nope", "", "", "q", "a", default);
        Assert.Null(result.Score);
        Assert.StartsWith("judge unavailable: InvalidArgument", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pairwise_winner_counts_when_both_orders_agree()
    {
        // A fair judge: prefers whichever response mentions scattering, wherever it is shown.
        var model = new ScriptedModel((prompt, _) =>
            prompt.Contains("[Response A]\nRayleigh", StringComparison.Ordinal) ? "Winner: A\nReasoning: explains it" : "Winner: B\nReasoning: explains it");
        var verdict = await new LlmJudge(model).CompareAsync("t", "p", "m", "", "Why is the sky blue?", "Rayleigh scattering of sunlight.", "Because it is.", default);
        Assert.Equal("a", verdict.Winner);
        Assert.True(verdict.Consistent);
        Assert.Equal(2, model.Prompts.Count);
    }

    [Fact]
    public async Task A_judge_that_always_prefers_the_first_position_yields_a_tie()
    {
        var model = new ScriptedModel((_, _) => "Winner: A\nReasoning: the first one");
        var verdict = await new LlmJudge(model).CompareAsync("t", "p", "m", "", "q", "one", "two", default);
        Assert.Equal("tie", verdict.Winner);
        Assert.False(verdict.Consistent);
        Assert.Null(verdict.Error);
    }
}
