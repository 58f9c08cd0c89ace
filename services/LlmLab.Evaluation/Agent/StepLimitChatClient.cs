using Microsoft.Extensions.AI;

namespace LlmLab.Evaluation.Agent;

/// <summary>The agent asked for more model turns than max_steps allows.</summary>
public sealed class StepLimitReachedException(int limit) : Exception($"the agent reached its limit of {limit} steps");

/// <summary>
/// Lets at most <paramref name="limit"/> model turns through, whatever the function-invocation loop above it would do
/// next, so the native agent has exactly the text protocol's step limit.
/// </summary>
public sealed class StepLimitChatClient(IChatClient inner, int limit) : DelegatingChatClient(inner)
{
    public int Turns { get; private set; }

    /// <summary>The text of the last turn the model answered (the thought that came with its tool calls, if any).</summary>
    public string LastText { get; private set; } = "";

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (Turns >= limit) throw new StepLimitReachedException(limit);
        Turns++;
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        LastText = response.Text;
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates()) yield return update;
    }
}
