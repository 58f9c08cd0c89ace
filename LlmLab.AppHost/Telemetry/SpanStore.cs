namespace LlmLab.AppHost.Telemetry;

/// <summary>
/// The received spans, grouped by trace and bounded: past <c>maxSpans</c> the oldest traces (by first arrival) are
/// dropped whole, so what is shown is always complete traces. Safe for concurrent exports and dashboard reads.
/// </summary>
public sealed class SpanStore(int maxSpans)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<TelemetrySpan>> _traces = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _arrival = new();
    private readonly Dictionary<string, LinkedListNode<string>> _arrivalNodes = new(StringComparer.Ordinal);
    private int _count;
    private long _dropped;

    public int Count
    {
        get { lock (_gate) return _count; }
    }

    /// <summary>Spans not kept: of traces dropped to stay within the bound, or arriving when one trace alone fills it.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Add(IEnumerable<TelemetrySpan> spans)
    {
        lock (_gate)
        {
            foreach (var span in spans)
            {
                if (!_traces.TryGetValue(span.TraceId, out var trace))
                {
                    trace = [];
                    _traces[span.TraceId] = trace;
                    _arrivalNodes[span.TraceId] = _arrival.AddLast(span.TraceId);
                }
                trace.Add(span);
                _count++;
                while (_count > maxSpans && _arrival.First is { } oldest && oldest.Value != span.TraceId) Evict(oldest.Value);
                if (_count > maxSpans)
                {
                    // This one trace alone is past the bound: keep what it has, refuse the rest.
                    trace.RemoveAt(trace.Count - 1);
                    _count--;
                    Interlocked.Increment(ref _dropped);
                }
            }
        }
    }

    private void Evict(string traceId)
    {
        var spans = _traces[traceId];
        _traces.Remove(traceId);
        _arrival.Remove(_arrivalNodes[traceId]);
        _arrivalNodes.Remove(traceId);
        _count -= spans.Count;
        Interlocked.Add(ref _dropped, spans.Count);
    }

    public IReadOnlyList<TelemetrySpan> Trace(string traceId)
    {
        lock (_gate) return _traces.TryGetValue(traceId.Trim().ToLowerInvariant(), out var spans) ? [.. spans] : [];
    }

    public IReadOnlyList<string> Services()
    {
        lock (_gate) return _traces.Values.SelectMany(t => t).Select(s => s.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<TraceSummary> Find(TraceQuery query)
    {
        List<(string Id, TelemetrySpan[] Spans)> matching;
        lock (_gate)
        {
            matching = _traces.Where(t => Matches(t.Key, t.Value, query)).Select(t => (t.Key, t.Value.ToArray())).ToList();
        }
        var summaries = matching.Select(t => TraceSummary.Of(t.Id, t.Spans));
        summaries = query.Order == TraceOrder.Slowest
            ? summaries.OrderByDescending(s => s.DurationMs)
            : summaries.OrderByDescending(s => s.Start);
        return summaries.Take(Math.Clamp(query.Limit, 1, 1000)).ToList();
    }

    private static bool Matches(string traceId, List<TelemetrySpan> spans, TraceQuery query) =>
        (string.IsNullOrWhiteSpace(query.TraceId) || traceId.StartsWith(query.TraceId.Trim().ToLowerInvariant(), StringComparison.Ordinal))
        && (string.IsNullOrWhiteSpace(query.Service) || spans.Exists(s => s.Service == query.Service))
        && (string.IsNullOrWhiteSpace(query.Text) || spans.Exists(s => s.Name.Contains(query.Text, StringComparison.OrdinalIgnoreCase)));
}
