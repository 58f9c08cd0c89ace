using LlmLab.Gateway.RateLimits;

namespace LlmLab.UnitTests.RateLimits;

public class QuotaDecisionTests
{
    private static readonly QuotaWindow[] FreeTier = [new("hour", QuotaWindow.Hour, 20), new("day", QuotaWindow.Day, 100)];
    private static readonly DateTimeOffset At = new(2026, 11, 28, 13, 45, 0, TimeSpan.Zero); // 900 s to the hour, 36,900 to midnight

    [Fact]
    public void An_allowed_call_reports_the_window_closest_to_exhaustion()
    {
        var early = QuotaDecision.From(true, FreeTier, [3, 3], At);
        Assert.Equal("hour", early.Binding.Window.Name);
        Assert.Equal(17, early.Binding.Remaining);
        Assert.Equal(900, early.Binding.SecondsToReset);

        var lateInTheDay = QuotaDecision.From(true, FreeTier, [5, 95], At);
        Assert.Equal("day", lateInTheDay.Binding.Window.Name);
        Assert.Equal(5, lateInTheDay.Binding.Remaining);
        Assert.Equal(0, lateInTheDay.RetryAfterSeconds);
    }

    [Fact]
    public void The_last_allowed_call_reports_zero_remaining()
    {
        var last = QuotaDecision.From(true, FreeTier, [20, 40], At);
        Assert.True(last.Allowed);
        Assert.Equal(0, last.Binding.Remaining);
        Assert.Equal("hour", last.Binding.Window.Name);
    }

    [Fact]
    public void A_refusal_by_the_hour_says_to_retry_at_the_top_of_the_hour()
    {
        var refused = QuotaDecision.From(false, FreeTier, [20, 40], At);
        Assert.Equal("hour", refused.Binding.Window.Name);
        Assert.Equal(900, refused.RetryAfterSeconds);
    }

    [Fact]
    public void A_refusal_by_the_day_says_to_retry_at_midnight_even_when_the_hour_is_spent_too()
    {
        var dayOnly = QuotaDecision.From(false, FreeTier, [7, 100], At);
        Assert.Equal(36_900, dayOnly.RetryAfterSeconds);
        var both = QuotaDecision.From(false, FreeTier, [20, 100], At);
        Assert.Equal("day", both.Binding.Window.Name);
        Assert.Equal(36_900, both.RetryAfterSeconds);
        Assert.Equal(0, both.Binding.Remaining);
    }

    [Fact]
    public void The_policy_lists_every_window_as_limit_and_width()
    {
        Assert.Equal("20;w=3600, 100;w=86400", QuotaDecision.From(true, FreeTier, [1, 1], At).Policy);
    }
}
