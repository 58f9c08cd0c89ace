namespace LlmLab.AppHost.Telemetry;

/// <summary>One second of one service's incoming work: how many, how many failed, how long they took.</summary>
public sealed record MetricPoint(DateTimeOffset Second, int Requests, int Failures, double P50Ms, double P95Ms);

/// <summary>
/// Rate, errors and duration per service, per second, from the server and consumer spans as they arrive (the way
/// Jaeger's service performance monitor derives them): the charts need no metrics pipeline, and they cover the last
/// <c>window</c> whatever the span store has dropped. Durations kept per second are capped, so a burst costs bounded memory.
/// </summary>
public sealed class RequestMetrics(TimeSpan window, TimeProvider time)
{
    private const int DurationsPerSecond = 500;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<long, Bucket>> _services = new(StringComparer.Ordinal);

    public void Record(IEnumerable<TelemetrySpan> spans)
    {
        var oldest = time.GetUtcNow().Add(-window).ToUnixTimeSeconds();
        lock (_gate)
        {
            foreach (var span in spans.Where(s => s.IsIncoming))
            {
                var second = span.End.ToUnixTimeSeconds();
                if (second < oldest) continue;
                if (!_services.TryGetValue(span.Service, out var buckets)) _services[span.Service] = buckets = [];
                if (!buckets.TryGetValue(second, out var bucket)) buckets[second] = bucket = new Bucket();
                bucket.Requests++;
                if (span.IsError) bucket.Failures++;
                if (bucket.Durations.Count < DurationsPerSecond) bucket.Durations.Add(span.DurationMs);
            }
            foreach (var buckets in _services.Values)
            {
                while (buckets.Count > 0 && buckets.First().Key < oldest) buckets.Remove(buckets.First().Key);
            }
        }
    }

    /// <summary>Every service's seconds within the window, oldest first; seconds without requests are left out.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<MetricPoint>> Series()
    {
        var oldest = time.GetUtcNow().Add(-window).ToUnixTimeSeconds();
        lock (_gate)
        {
            return _services.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => (IReadOnlyList<MetricPoint>)s.Value
                .Where(b => b.Key >= oldest)
                .Select(b => new MetricPoint(DateTimeOffset.FromUnixTimeSeconds(b.Key), b.Value.Requests, b.Value.Failures,
                    Percentile(b.Value.Durations, 0.50), Percentile(b.Value.Durations, 0.95)))
                .ToList());
        }
    }

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyList<double> values, double quantile)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(quantile * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 2);
    }

    private sealed class Bucket
    {
        public int Requests;
        public int Failures;
        public readonly List<double> Durations = [];
    }
}
