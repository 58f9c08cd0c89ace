namespace LlmLab.ServiceKit;

/// <summary>What one tier may do: model calls per hour and per day (the gateway), runs at once (batch). 0: no limit.</summary>
public sealed class TierLimit
{
    public int PerHour { get; set; }
    public int PerDay { get; set; }
    public int ConcurrentRuns { get; set; }
}

/// <summary>
/// Configuration "Gateway:Tiers:&lt;tier&gt;:PerHour|PerDay|ConcurrentRuns", over the defaults below. The gateway
/// enforces the call limits and batch the run limit, so both read this one section.
/// </summary>
public sealed class TierLimits
{
    public const string Section = "Gateway";
    public const string Free = "free";
    public const string Premium = "premium";
    public const string Enterprise = "enterprise";
    /// <summary>Keys from configuration (the dev key, the tests' keys): unlimited unless configured.</summary>
    public const string Internal = "internal";

    public Dictionary<string, TierLimit> Tiers { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [Free] = new() { PerHour = 20, PerDay = 100, ConcurrentRuns = 2 },
        [Premium] = new() { PerHour = 500, PerDay = 2_000, ConcurrentRuns = 10 },
        [Enterprise] = new() { PerHour = 2_000, PerDay = 10_000, ConcurrentRuns = 50 },
        [Internal] = new(),
    };

    /// <summary>A tier nobody configured gets the free tier's limits: a misspelt tier must never mean unlimited.</summary>
    public TierLimit For(string? tier) => tier is not null && Tiers.TryGetValue(tier, out var limit) ? limit : Tiers[Free];
}
