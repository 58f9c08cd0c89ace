using System.Collections.Concurrent;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>
/// One Polly pipeline per provider: retries with exponential backoff and jitter on 5xx and timeouts (3) and 429 (8),
/// waiting what Retry-After says when the provider sent it, inside a circuit breaker that opens when half the calls of the
/// last 30 s (10 at least) failed with 5xx or timeouts, and stays open 15 s.
/// </summary>
public sealed class ResiliencePolicies
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline> _pipelines = new(StringComparer.OrdinalIgnoreCase);

    public int MaxRetryAttempts { get; init; } = 3;
    /// <summary>
    /// A 429 is the provider asking to wait, not a fault: such calls retry longer (each time after Retry-After, while
    /// the adaptive limit shrinks the concurrency that caused it).
    /// </summary>
    public int RateLimitedRetryAttempts { get; init; } = 8;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);

    public ResiliencePipeline For(string provider) => _pipelines.GetOrAdd(provider, _ => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is ProviderException { IsTransient: true } failed
                && args.AttemptNumber < (failed.Kind == ProviderErrorKind.RateLimited ? RateLimitedRetryAttempts : MaxRetryAttempts)),
            MaxRetryAttempts = Math.Max(MaxRetryAttempts, RateLimitedRetryAttempts),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = BaseDelay,
            MaxDelay = TimeSpan.FromSeconds(30),
            DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is ProviderException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
        })
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<ProviderException>(e => e.Kind is ProviderErrorKind.ServerError or ProviderErrorKind.Timeout),
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = BreakDuration,
        })
        .Build());

    public static ProviderException CircuitOpen(string provider, BrokenCircuitException exception) =>
        new(ProviderErrorKind.CircuitOpen, $"{provider}: circuit open after repeated failures; calls are refused for a while", null, exception);
}
