using LlmLab.LlmIntegration.Pipeline;
using LlmLab.LlmIntegration.Providers.Local;
using Microsoft.Extensions.AI;

namespace LlmLab.UnitTests.LocalEngine;

public class LogprobsTests
{
    private static readonly LocalLanguageModel Model = LocalLanguageModel.FromEmbeddedCorpus();

    [Fact]
    public void Log_probabilities_are_the_normalised_candidate_scores_most_likely_first()
    {
        // Scores ln 0.5, ln 0.3, ln 0.2 (already a distribution), sorted as the sampler leaves them.
        (int, double)[] sorted = [(1, Math.Log(0.5)), (2, Math.Log(0.3)), (3, Math.Log(0.2))];
        var logprob = NextTokenLogprobs.Of(sorted, chosen: 2, "b", top: 2, new System.Text.StringBuilder("a"), id => ((char)('a' + id - 1)).ToString());
        Assert.Equal(Math.Log(0.3), logprob.Logprob, 9);
        Assert.Equal([" a", " b"], logprob.Top.Select(t => t.Token));
        Assert.Equal(Math.Log(0.5), logprob.Top[0].Logprob, 9);

        // Unnormalised scores (a bonus added to every one) give the same probabilities.
        (int, double)[] shifted = [.. sorted.Select(s => (s.Item1, s.Item2 + 0.7))];
        Assert.Equal(Math.Log(0.3), NextTokenLogprobs.Of(shifted, 2, "b", 0, new System.Text.StringBuilder(), _ => "x").Logprob, 9);
    }

    [Fact]
    public async Task The_engine_reports_one_logprob_per_token_and_the_tokens_spell_the_text()
    {
        var client = new LocalChatClient(Model);
        var options = new ChatOptions { Temperature = 0.8f, Seed = 3, MaxOutputTokens = 20 };
        LogprobRequest.Ask(options, 4);
        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Tell me about the sea.")], options);
        var logprobs = LogprobRequest.Of(response)!;
        Assert.Equal(response.Text, string.Concat(logprobs.Select(l => l.Token)));
        Assert.Equal(response.Usage!.OutputTokenCount, logprobs.Count);
        Assert.All(logprobs, l => Assert.True(l.Logprob < 0 && l.Top.Count == 4 && l.Top[0].Logprob >= l.Logprob - 1e-12));

        // The same seed without logprobs gives the same text: asking for probabilities changes nothing drawn.
        var plain = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Tell me about the sea.")],
            new ChatOptions { Temperature = 0.8f, Seed = 3, MaxOutputTokens = 20 });
        Assert.Equal(plain.Text, response.Text);
        Assert.Null(LogprobRequest.Of(plain));
    }

    [Fact]
    public async Task A_prompt_answered_by_reading_refuses_logprobs_naming_them()
    {
        var options = new ChatOptions { MaxOutputTokens = 20 };
        LogprobRequest.Ask(options, 0);
        var refused = await Assert.ThrowsAsync<ProviderException>(() => new LocalChatClient(Model).GetResponseAsync(
            [new ChatMessage(ChatRole.User, "Context: The Nile is the longest river in Africa.\n\nQuestion: Which is the longest river in Africa?")], options));
        Assert.Equal(ProviderErrorKind.InvalidRequest, refused.Kind);
        Assert.StartsWith("logprobs:", refused.Message, StringComparison.Ordinal);
    }
}
