namespace LlmLab.AppHost.Telemetry;

/// <summary>The last structured log records received over OTLP, so a trace's view can show the logs written inside it.</summary>
public sealed class LogStore(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<TelemetryLog> _logs = new();

    public void Add(IEnumerable<TelemetryLog> logs)
    {
        lock (_gate)
        {
            foreach (var log in logs)
            {
                _logs.Enqueue(log);
                if (_logs.Count > capacity) _logs.Dequeue();
            }
        }
    }

    public IReadOnlyList<TelemetryLog> OfTrace(string traceId)
    {
        var id = traceId.Trim().ToLowerInvariant();
        lock (_gate) return _logs.Where(l => l.TraceId == id).OrderBy(l => l.Timestamp).ToList();
    }
}
