using System.Diagnostics;
using LlmLab.LlmIntegration.Pipeline;
using Polly.CircuitBreaker;

namespace LlmLab.UnitTests.LlmPipeline;

public class ResiliencePoliciesTests
{
    private static readonly ResiliencePolicies Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(1), BreakDuration = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Transient_failures_are_retried_until_the_call_succeeds()
    {
        var calls = 0;
        var result = await Fast.For("p1").ExecuteAsync(_ =>
        {
            calls++;
            return calls < 3 ? throw new ProviderException(ProviderErrorKind.ServerError, "500") : ValueTask.FromResult("ok");
        });
        Assert.Equal("ok", result);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_refused_key_is_not_retried()
    {
        var calls = 0;
        await Assert.ThrowsAsync<ProviderException>(async () => await Fast.For("p2").ExecuteAsync<string>(_ =>
        {
            calls++;
            throw new ProviderException(ProviderErrorKind.Unauthorized, "401");
        }));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Retry_after_sets_the_wait_before_the_next_attempt()
    {
        var attempts = new List<long>();
        var watch = Stopwatch.StartNew();
        await Fast.For("p3").ExecuteAsync(_ =>
        {
            attempts.Add(watch.ElapsedMilliseconds);
            return attempts.Count == 1
                ? throw new ProviderException(ProviderErrorKind.RateLimited, "429", TimeSpan.FromMilliseconds(300))
                : ValueTask.FromResult(1);
        });
        Assert.Equal(2, attempts.Count);
        Assert.True(attempts[1] - attempts[0] >= 290, $"waited {attempts[1] - attempts[0]} ms");
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_server_errors_and_then_refuses_without_calling()
    {
        var policies = new ResiliencePolicies { BaseDelay = TimeSpan.FromMilliseconds(1), MaxRetryAttempts = 1, BreakDuration = TimeSpan.FromSeconds(30) };
        var calls = 0;
        Exception? last = null;
        for (var i = 0; i < 10 && last is not BrokenCircuitException; i++)
        {
            try
            {
                await policies.For("p4").ExecuteAsync<int>(_ =>
                {
                    calls++;
                    throw new ProviderException(ProviderErrorKind.ServerError, "503");
                });
            }
            catch (Exception ex)
            {
                last = ex;
            }
        }
        Assert.IsType<BrokenCircuitException>(last);
        var before = calls;
        await Assert.ThrowsAsync<BrokenCircuitException>(async () => await policies.For("p4").ExecuteAsync(_ => { calls++; return ValueTask.FromResult(1); }));
        Assert.Equal(before, calls);
        // Another provider's circuit is untouched.
        Assert.Equal(1, await policies.For("p5").ExecuteAsync(_ => ValueTask.FromResult(1)));
    }
}
