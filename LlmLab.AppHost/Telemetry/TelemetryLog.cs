namespace LlmLab.AppHost.Telemetry;

/// <summary>One structured log record received over OTLP, with the trace it was written in (if any).</summary>
public sealed record TelemetryLog(
    string Service,
    DateTimeOffset Timestamp,
    string Severity,
    string Body,
    string TraceId,
    string SpanId,
    IReadOnlyDictionary<string, string> Attributes);
