using LlmLab.AppHost.Telemetry;

namespace LlmLab.UnitTests.AppHost.Dashboard;

/// <summary>Spans for the dashboard's tests, at whole milliseconds from a fixed instant.</summary>
internal static class Spans
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static TelemetrySpan Of(string trace, string id, string parent, string service, double startMs, double durationMs,
        string kind = "server", bool error = false, string name = "") =>
        new(trace, id, parent, service, $"{service}-1", name.Length > 0 ? name : $"{service} {id}", "test", kind, T0.AddMilliseconds(startMs),
            durationMs, error, "", new Dictionary<string, string>());
}

/// <summary>A clock the test moves.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
