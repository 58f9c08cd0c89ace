namespace LlmLab.AppHost.Telemetry;

/// <summary>One span as the dashboard shows it: who sent it, where it sits in its trace, how long it took.</summary>
public sealed record TelemetrySpan(
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Service,
    string Instance,
    string Name,
    string Scope,
    string Kind,
    DateTimeOffset Start,
    double DurationMs,
    bool IsError,
    string StatusMessage,
    IReadOnlyDictionary<string, string> Attributes)
{
    public DateTimeOffset End => Start.AddMilliseconds(DurationMs);

    /// <summary>Work a process was asked to do (a request it served, a message it consumed), as opposed to work it asked for.</summary>
    public bool IsIncoming => Kind is "server" or "consumer";
}
