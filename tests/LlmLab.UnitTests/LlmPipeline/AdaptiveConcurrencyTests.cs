using System.Diagnostics;
using LlmLab.LlmIntegration.Pipeline;

namespace LlmLab.UnitTests.LlmPipeline;

public class AdaptiveConcurrencyTests
{
    private static ProviderException RateLimited(TimeSpan? retryAfter = null) => new(ProviderErrorKind.RateLimited, "p: rate limited (429)", retryAfter);

    [Fact]
    public async Task A_429_halves_the_limit_once_per_round_and_each_success_adds_one_over_the_limit()
    {
        var limit = new AdaptiveConcurrency(16, TimeProvider.System);
        var early = await limit.EnterAsync(CancellationToken.None);
        var alsoEarly = await limit.EnterAsync(CancellationToken.None);
        early.Failed(RateLimited());
        Assert.Equal(8, limit.Limit);
        alsoEarly.Failed(RateLimited()); // sent before the cut: the same congestion, no second cut
        Assert.Equal(8, limit.Limit);

        for (var i = 0; i < 8; i++) (await limit.EnterAsync(CancellationToken.None)).Succeeded();
        Assert.InRange(limit.Limit, 8.9, 9.0); // about one more per round of 8 successes
        Assert.Equal(0, limit.InFlight);
    }

    [Fact]
    public async Task No_more_calls_than_the_limit_enter_and_a_leaving_call_lets_the_next_in()
    {
        var limit = new AdaptiveConcurrency(2, TimeProvider.System);
        var first = await limit.EnterAsync(CancellationToken.None);
        await limit.EnterAsync(CancellationToken.None);
        var third = limit.EnterAsync(CancellationToken.None);
        await Task.Delay(200);
        Assert.False(third.IsCompleted);
        first.Succeeded();
        (await third.WaitAsync(TimeSpan.FromSeconds(1))).Succeeded();
        Assert.Equal(1, limit.InFlight);
    }

    [Fact]
    public async Task Retry_after_closes_the_gate_for_every_caller_and_the_limit_never_drops_below_one()
    {
        var limit = new AdaptiveConcurrency(1, TimeProvider.System);
        (await limit.EnterAsync(CancellationToken.None)).Failed(RateLimited(TimeSpan.FromMilliseconds(400)));
        Assert.Equal(1, limit.Limit);
        var waited = Stopwatch.StartNew();
        (await limit.EnterAsync(CancellationToken.None)).Succeeded();
        Assert.True(waited.ElapsedMilliseconds >= 350, $"entered after {waited.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Rate_limited_calls_are_retried_longer_than_server_errors()
    {
        var policies = new ResiliencePolicies { BaseDelay = TimeSpan.FromMilliseconds(1) };
        var limited = 0;
        await Assert.ThrowsAsync<ProviderException>(async () => await policies.For("rl").ExecuteAsync<int>(_ =>
        {
            limited++;
            throw RateLimited(TimeSpan.FromMilliseconds(1));
        }));
        var broken = 0;
        await Assert.ThrowsAsync<ProviderException>(async () => await policies.For("se").ExecuteAsync<int>(_ =>
        {
            broken++;
            throw new ProviderException(ProviderErrorKind.ServerError, "p: server error (500)") { ProviderStatus = 500 };
        }));
        Assert.Equal(1 + policies.RateLimitedRetryAttempts, limited);
        Assert.Equal(1 + policies.MaxRetryAttempts, broken);
    }
}
