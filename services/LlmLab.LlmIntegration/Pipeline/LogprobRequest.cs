using Microsoft.Extensions.AI;

namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>
/// How a request asks a chat client for token log-probabilities, and how the answer carries them, through
/// Microsoft.Extensions.AI's additional properties (it has no field of its own for them).
/// </summary>
public static class LogprobRequest
{
    /// <summary>In <see cref="ChatOptions.AdditionalProperties"/>: how many alternatives per token (0..20); absent: none asked.</summary>
    public const string TopKey = "llmlab.top_logprobs";
    /// <summary>On an update: its <see cref="TokenLogprob"/>; on a response: the list of them.</summary>
    public const string ResultKey = "llmlab.logprobs";

    public static int? TopOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(TopKey, out var value) == true && value is int top ? top : null;

    public static void Ask(ChatOptions options, int top) => (options.AdditionalProperties ??= [])[TopKey] = top;

    public static IReadOnlyList<TokenLogprob>? Of(ChatResponse response) =>
        response.AdditionalProperties?.TryGetValue(ResultKey, out var value) == true ? value as IReadOnlyList<TokenLogprob> : null;
}
