namespace LlmLab.AppHost.Telemetry;

/// <summary>A trace in the dashboard's list: its root, its extent, and the services it crossed.</summary>
public sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootService,
    DateTimeOffset Start,
    double DurationMs,
    int SpanCount,
    int ErrorCount,
    IReadOnlyList<string> Services)
{
    public static TraceSummary Of(string traceId, IReadOnlyCollection<TelemetrySpan> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var root = spans.Where(s => s.ParentSpanId.Length == 0 || !ids.Contains(s.ParentSpanId)).MinBy(s => s.Start) ?? spans.MinBy(s => s.Start)!;
        var start = spans.Min(s => s.Start);
        var end = spans.Max(s => s.End);
        return new TraceSummary(traceId, root.Name, root.Service, start, (end - start).TotalMilliseconds, spans.Count, spans.Count(s => s.IsError),
            spans.Select(s => s.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
    }
}

/// <summary>What the trace list is filtered and sorted by (GET /api/traces?traceId=&amp;service=&amp;sort=slowest).</summary>
public sealed record TraceQuery(string? TraceId = null, string? Service = null, string? Text = null, TraceOrder Order = TraceOrder.Newest, int Limit = 100);

public enum TraceOrder
{
    Newest,
    Slowest,
}
