using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LlmLab.LlmIntegration.Providers.Simulated;

/// <summary>Provider latency for load and fault tests: the local engine's text after a configured delay.</summary>
public sealed class SimulatedChatClient(IChatClient inner, IOptionsMonitor<SimulatedProviderOptions> latency, TimeProvider time) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await Task.Delay(NextLatency(), time, cancellationToken);
        return await base.GetResponseAsync(messages, options, cancellationToken);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Delay(NextLatency(), time, cancellationToken);
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            yield return update;
        }
    }

    private TimeSpan NextLatency()
    {
        var o = latency.CurrentValue;
        var jitter = o.JitterMs > 0 ? Random.Shared.NextDouble() * o.JitterMs : 0;
        return TimeSpan.FromMilliseconds(Math.Max(0, o.LatencyMs + jitter));
    }
}

public sealed class SimulatedProviderOptions
{
    public double LatencyMs { get; set; } = 200;
    public double JitterMs { get; set; }
}
