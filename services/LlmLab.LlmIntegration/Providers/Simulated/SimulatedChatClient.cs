using System.Runtime.CompilerServices;
using LlmLab.LlmIntegration.Pipeline;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LlmLab.LlmIntegration.Providers.Simulated;

/// <summary>
/// A provider for load and fault tests: the local engine's text after a latency drawn from the model's profile, or a
/// 429 (with Retry-After), a 500 or a timeout in the configured shares.
/// </summary>
public sealed class SimulatedChatClient(IChatClient inner, IOptionsMonitor<SimulatedProviderOptions> profiles, TimeProvider time) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var profile = profiles.CurrentValue.For(options?.ModelId ?? "");
        await DelayOrFailAsync(profile, cancellationToken);
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        if (profile.TokensPerSecond > 0 && response.Usage?.OutputTokenCount is { } tokens)
        {
            await Task.Delay(TimeSpan.FromSeconds(tokens / profile.TokensPerSecond), time, cancellationToken);
        }
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var profile = profiles.CurrentValue.For(options?.ModelId ?? "");
        await DelayOrFailAsync(profile, cancellationToken);
        var perToken = profile.TokensPerSecond > 0 ? TimeSpan.FromSeconds(1 / profile.TokensPerSecond) : TimeSpan.Zero;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            if (perToken > TimeSpan.Zero) await Task.Delay(perToken, time, cancellationToken);
            yield return update;
        }
    }

    private async Task DelayOrFailAsync(FaultProfile profile, CancellationToken cancellationToken)
    {
        var draw = Random.Shared.NextDouble();
        if (draw < profile.RateLimitShare)
        {
            throw new ProviderException(ProviderErrorKind.RateLimited, "simulated: rate limited (429)", TimeSpan.FromSeconds(profile.RetryAfterSeconds)) { ProviderStatus = 429 };
        }
        if (draw < profile.RateLimitShare + profile.ServerErrorShare)
        {
            throw new ProviderException(ProviderErrorKind.ServerError, "simulated: server error (500)") { ProviderStatus = 500 };
        }
        if (draw < profile.RateLimitShare + profile.ServerErrorShare + profile.TimeoutShare)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(profile.TimeoutMs), time, cancellationToken);
            throw new ProviderException(ProviderErrorKind.Timeout, "simulated: timed out");
        }
        var latency = profile.LatencyMs + profile.LatencyStdDevMs * StandardNormal();
        if (latency > 0) await Task.Delay(TimeSpan.FromMilliseconds(latency), time, cancellationToken);
    }

    private static double StandardNormal()
    {
        // Box–Muller.
        var u1 = 1.0 - Random.Shared.NextDouble();
        var u2 = Random.Shared.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
