namespace LlmLab.Gateway.RateLimits;

/// <summary>A window's count: after this request when it was allowed, as it stood when it was refused.</summary>
public sealed record WindowUsage(QuotaWindow Window, long Used, long SecondsToReset)
{
    public long Remaining => Math.Max(0, Window.Limit - Used);
    public bool Exhausted => Used >= Window.Limit;
}

/// <summary>Whether a request may start model work, and what the RateLimit-* headers tell the caller.</summary>
public sealed record QuotaDecision(bool Allowed, IReadOnlyList<WindowUsage> Windows)
{
    /// <summary>
    /// The window the headers describe: for a refusal, the exhausted window that ends last (waiting for an earlier one
    /// would not help); otherwise the one closest to exhaustion, the longer one on a tie.
    /// </summary>
    public WindowUsage Binding => Allowed
        ? Windows.OrderBy(w => w.Remaining).ThenByDescending(w => w.SecondsToReset).First()
        : Windows.Where(w => w.Exhausted).OrderByDescending(w => w.SecondsToReset).First();

    /// <summary>Seconds until a refused caller may try again.</summary>
    public long RetryAfterSeconds => Allowed ? 0 : Binding.SecondsToReset;

    /// <summary>Every window as "limit;w=seconds", e.g. "20;w=3600, 100;w=86400".</summary>
    public string Policy => string.Join(", ", Windows.Select(w => $"{w.Window.Limit};w={w.Window.LengthSeconds}"));

    public static QuotaDecision From(bool allowed, IReadOnlyList<QuotaWindow> windows, IReadOnlyList<long> used, DateTimeOffset now) =>
        new(allowed, windows.Select((w, i) => new WindowUsage(w, used[i], w.SecondsToReset(now))).ToList());
}
