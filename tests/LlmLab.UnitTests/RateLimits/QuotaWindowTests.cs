using LlmLab.Gateway.RateLimits;
using LlmLab.ServiceKit;

namespace LlmLab.UnitTests.RateLimits;

public class QuotaWindowTests
{
    private static readonly QuotaWindow Hour = new("hour", QuotaWindow.Hour, 20);
    private static readonly QuotaWindow Day = new("day", QuotaWindow.Day, 100);

    [Fact]
    public void Windows_are_aligned_to_the_utc_hour_and_day()
    {
        var at = new DateTimeOffset(2026, 11, 28, 13, 45, 30, TimeSpan.Zero);
        Assert.Equal(14 * 60 + 30, Hour.SecondsToReset(at));                 // until 14:00:00
        Assert.Equal(10 * 3600 + 14 * 60 + 30, Day.SecondsToReset(at));      // until midnight
        Assert.Equal(at.ToUnixTimeSeconds() / 3600, Hour.Index(at));
    }

    [Fact]
    public void A_new_window_starts_at_the_boundary_and_the_reset_is_never_zero()
    {
        var lastSecond = new DateTimeOffset(2026, 11, 28, 13, 59, 59, TimeSpan.Zero);
        var boundary = lastSecond.AddSeconds(1);
        Assert.Equal(1, Hour.SecondsToReset(lastSecond));
        Assert.Equal(3600, Hour.SecondsToReset(boundary));
        Assert.Equal(Hour.Index(lastSecond) + 1, Hour.Index(boundary));
        Assert.Equal(Day.Index(lastSecond), Day.Index(boundary));
    }

    [Fact]
    public void The_same_instant_in_another_offset_falls_in_the_same_window()
    {
        var utc = new DateTimeOffset(2026, 11, 28, 23, 30, 0, TimeSpan.Zero);
        var tokyo = utc.ToOffset(TimeSpan.FromHours(9));
        Assert.Equal(Day.Index(utc), Day.Index(tokyo));
        Assert.Equal(1800, Day.SecondsToReset(tokyo));
    }

    [Fact]
    public void A_tier_has_a_window_per_configured_limit_and_none_when_unlimited()
    {
        Assert.Equal([("hour", 20), ("day", 100)], QuotaWindow.For(new TierLimit { PerHour = 20, PerDay = 100 }).Select(w => (w.Name, w.Limit)));
        Assert.Equal([("day", 5)], QuotaWindow.For(new TierLimit { PerDay = 5 }).Select(w => (w.Name, w.Limit)));
        Assert.Empty(QuotaWindow.For(new TierLimit()));
    }
}
