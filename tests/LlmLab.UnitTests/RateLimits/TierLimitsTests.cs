using LlmLab.ServiceKit;
using Microsoft.Extensions.Configuration;

namespace LlmLab.UnitTests.RateLimits;

public class TierLimitsTests
{
    private static TierLimits Bind(Dictionary<string, string?> settings)
    {
        var limits = new TierLimits();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(TierLimits.Section).Bind(limits);
        return limits;
    }

    [Fact]
    public void The_defaults_are_the_published_tiers_and_internal_is_unlimited()
    {
        var limits = new TierLimits();
        Assert.Equal((20, 100, 2), Triple(limits.For("free")));
        Assert.Equal((500, 2_000, 10), Triple(limits.For("premium")));
        Assert.Equal((2_000, 10_000, 50), Triple(limits.For("enterprise")));
        Assert.Equal((0, 0, 0), Triple(limits.For("internal")));
    }

    [Fact]
    public void One_configured_value_overrides_only_itself()
    {
        var limits = Bind(new() { ["Gateway:Tiers:free:PerHour"] = "3", ["Gateway:Tiers:internal:PerDay"] = "1000" });
        Assert.Equal((3, 100, 2), Triple(limits.For("free")));
        Assert.Equal((0, 1_000, 0), Triple(limits.For("internal")));
    }

    [Fact]
    public void A_new_tier_can_be_configured_and_an_unknown_tier_gets_the_free_limits()
    {
        var limits = Bind(new() { ["Gateway:Tiers:team:PerHour"] = "50", ["Gateway:Tiers:team:ConcurrentRuns"] = "4" });
        Assert.Equal((50, 0, 4), Triple(limits.For("team")));
        Assert.Equal((20, 100, 2), Triple(limits.For("gold")));
        Assert.Equal((20, 100, 2), Triple(limits.For(null)));
    }

    private static (int, int, int) Triple(TierLimit limit) => (limit.PerHour, limit.PerDay, limit.ConcurrentRuns);
}
