namespace LlmLab.AppHost.Telemetry;

/// <summary>Everything the AppHost's OTLP receiver has kept: spans by trace, recent logs, and per-second request figures.</summary>
public sealed class ReceivedTelemetry(int maxSpans, int maxLogs, TimeSpan metricsWindow, TimeProvider time)
{
    public SpanStore Spans { get; } = new(maxSpans);
    public LogStore Logs { get; } = new(maxLogs);
    public RequestMetrics Metrics { get; } = new(metricsWindow, time);
    public int MaxSpans => maxSpans;

    public void AddSpans(IReadOnlyList<TelemetrySpan> spans)
    {
        Spans.Add(spans);
        Metrics.Record(spans);
    }
}
