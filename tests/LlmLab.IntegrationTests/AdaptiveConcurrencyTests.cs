using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>A provider's concurrency limit is learned from its 429s (AIMD, honouring Retry-After), so a run ends without a failed item.</summary>
[Collection(PlatformCollection.Name)]
public class AdaptiveConcurrencyTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task Against_a_provider_that_refuses_more_than_2_calls_at_once_a_run_settles_near_2_and_no_item_fails()
    {
        // The platform sends up to 4 calls at once (the workers' concurrency) and allows 16 for this provider.
        const int allowed = 2;
        var provider = platform.FakeOpenAi.Scenario(FakeProviders.Limited);
        provider.Latency = TimeSpan.FromMilliseconds(300);
        provider.MaxConcurrent = allowed;
        provider.RetryAfter = TimeSpan.FromMilliseconds(500);
        provider.ResetCounters();

        var id = await _api.StartBatchAsync("adaptive", FakeProviders.Limited, calls: 40);
        var status = await _api.WaitForRunAsync(id, TimeSpan.FromMinutes(3));

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(40, status.GetProperty("completed_combinations").GetInt32());
        Assert.Equal(0, status.GetProperty("failed_combinations").GetInt32());
        Assert.Equal(40, provider.Succeeded);
        Assert.Equal(allowed, provider.MaxInFlight);
        // The provider pushed back, and the platform listened: at a fixed 4 calls at once about every other request
        // would be refused; learning the limit keeps refusals to the probes above it (a third at most: 40 calls leave
        // little room to amortise the first round, which measured 14 of 54 on a loaded machine).
        Assert.True(provider.RateLimited >= 1, "the provider never pushed back");
        Assert.True(provider.RateLimited * 3 < provider.Requests, $"{provider.RateLimited} of {provider.Requests} requests were refused");
    }
}
