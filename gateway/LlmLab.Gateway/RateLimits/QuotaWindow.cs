using LlmLab.ServiceKit;

namespace LlmLab.Gateway.RateLimits;

/// <summary>
/// One fixed window of a quota, aligned to UTC (hours start on the hour, days at midnight), so every replica agrees on
/// which window a request falls in without talking to the others.
/// </summary>
public readonly record struct QuotaWindow(string Name, long LengthSeconds, int Limit)
{
    public const long Hour = 3_600;
    public const long Day = 86_400;

    /// <summary>The window's number since the Unix epoch: part of its counter's key, so a new window starts at zero.</summary>
    public long Index(DateTimeOffset now) => now.ToUnixTimeSeconds() / LengthSeconds;

    /// <summary>Whole seconds until the window ends (1..length): never 0, so a client never retries too early.</summary>
    public long SecondsToReset(DateTimeOffset now) => LengthSeconds - now.ToUnixTimeSeconds() % LengthSeconds;

    /// <summary>The windows a tier is limited by; none for an unlimited tier.</summary>
    public static IReadOnlyList<QuotaWindow> For(TierLimit limit) =>
    [
        .. limit.PerHour > 0 ? [new QuotaWindow("hour", Hour, limit.PerHour)] : Array.Empty<QuotaWindow>(),
        .. limit.PerDay > 0 ? [new QuotaWindow("day", Day, limit.PerDay)] : Array.Empty<QuotaWindow>(),
    ];
}
