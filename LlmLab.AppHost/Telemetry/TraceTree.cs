namespace LlmLab.AppHost.Telemetry;

/// <summary>A span in its place in the tree: how deep, and when it started relative to the trace's start.</summary>
public sealed record TraceNode(TelemetrySpan Span, int Depth, double OffsetMs, int ChildCount);

/// <summary>
/// Orders a trace's spans as a tree, depth first, children by start time. A span whose parent never arrived (not
/// exported, or dropped) becomes a root of its own, so nothing received is hidden.
/// </summary>
public static class TraceTree
{
    public static IReadOnlyList<TraceNode> Build(IReadOnlyCollection<TelemetrySpan> spans)
    {
        if (spans.Count == 0) return [];
        var start = spans.Min(s => s.Start);
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = spans.Where(s => ids.Contains(s.ParentSpanId) && s.ParentSpanId != s.SpanId)
            .GroupBy(s => s.ParentSpanId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Start).ToList(), StringComparer.Ordinal);
        var roots = spans.Where(s => !ids.Contains(s.ParentSpanId) || s.ParentSpanId == s.SpanId).OrderBy(s => s.Start);

        var nodes = new List<TraceNode>(spans.Count);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(TelemetrySpan Span, int Depth)>();
        foreach (var root in roots.Reverse()) pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (span, depth) = pending.Pop();
            // Span ids are unique within a trace; a repeated one (a broken exporter) must not loop or duplicate.
            if (!visited.Add(span.SpanId)) continue;
            var own = children.GetValueOrDefault(span.SpanId) ?? [];
            nodes.Add(new TraceNode(span, depth, (span.Start - start).TotalMilliseconds, own.Count));
            for (var i = own.Count - 1; i >= 0; i--) pending.Push((own[i], depth + 1));
        }
        return nodes;
    }
}
