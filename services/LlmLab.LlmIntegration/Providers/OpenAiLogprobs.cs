using LlmLab.LlmIntegration.Pipeline;
using OpenAI.Chat;

namespace LlmLab.LlmIntegration.Providers;

/// <summary>
/// An OpenAI-compatible provider's token log-probabilities, read from the SDK's own completion (Microsoft.Extensions.AI
/// keeps it as the response's raw representation but has no field for logprobs).
/// </summary>
public static class OpenAiLogprobs
{
    public static IReadOnlyList<TokenLogprob>? Of(object? raw) =>
        raw is ChatCompletion { ContentTokenLogProbabilities.Count: > 0 } completion
            ? completion.ContentTokenLogProbabilities
                .Select(t => new TokenLogprob(t.Token, t.LogProbability, t.TopLogProbabilities.Select(a => new TopLogprob(a.Token, a.LogProbability)).ToList()))
                .ToList()
            : null;
}
