using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace LlmLab.Bench.Platform;

/// <summary>
/// Calls per second through gateway → batch → RabbitMQ → llm-integration → quality → PostgreSQL, against the limit of
/// the provider's concurrency over its latency (64 / 0.2 s = 320/s), and at zero latency (the platform's own cost per
/// call); and the latency from an item's result being stored to the SSE progress event that counts it.
/// </summary>
public static class EndToEndBench
{
    private const int Concurrency = 64;
    private static readonly double[] Temperatures = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
    private static readonly double[] TopPs = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    public static async Task RunAsync(RunningPlatform platform)
    {
        Console.WriteLine($"== End to end (gateway → batch → RabbitMQ → llm-integration → quality → PostgreSQL), worker and provider concurrency {Concurrency}");
        // Warm-up, not measured: JIT and tiered compilation, connection pools grown to 64 callers, queues declared.
        await RunBatchAsync(platform, "simulated-0ms", 10, print: false);
        await RunBatchAsync(platform, "simulated-200ms", 10, print: false);
        foreach (var (model, latencySeconds) in new[] { ("simulated-200ms", 0.2), ("simulated-0ms", 0.0) })
        {
            var rates = new List<double>();
            var sse = new List<double>();
            for (var round = 0; round < 3; round++)
            {
                var (rate, latencies) = await RunBatchAsync(platform, model, 30, print: true);
                rates.Add(rate);
                sse.AddRange(latencies);
            }
            var median = Median(rates);
            var limit = latencySeconds > 0 ? $" = {median / (Concurrency / latencySeconds):P0} of the limit {Concurrency / latencySeconds:0}/s" : " (the platform's own cost per call)";
            Console.WriteLine($"   {model}: median {median:0} calls/s over 3 runs of 1,920 calls{limit}");
            sse.Sort();
            Console.WriteLine($"   SSE progress latency (item stored → event received), {sse.Count} items: p50 {Percentile(sse, 50):0} ms, p95 {Percentile(sse, 95):0} ms, max {sse[^1]:0} ms");
        }
    }

    private static async Task<(double CallsPerSecond, List<double> SseLatenciesMs)> RunBatchAsync(RunningPlatform platform, string model, int responseCount, bool print)
    {
        var client = platform.Client;
        var created = await (await client.PostAsJsonAsync("/api/experiments/batch", new
        {
            name = $"bench-{model}", prompt = "Explain how rain forms.", provider = "simulated", model, response_count = responseCount,
            parameter_ranges = new { temperature = Temperatures, top_p = TopPs, max_tokens = new[] { 60 } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var calls = created.GetProperty("total_calls").GetInt32();

        using var sseStop = new CancellationTokenSource();
        var events = new List<(DateTimeOffset At, int Done)>();
        var listener = ListenAsync(client, id, events, sseStop.Token);
        await Task.Delay(200); // the stream is open before the run starts

        var startedAt = DateTimeOffset.UtcNow;
        (await client.PostAsync($"/api/experiments/batch/{id}/start", null)).EnsureSuccessStatusCode();
        // The end is taken from the SSE stream's final event (pushed within ~100 ms); polling status as well would add
        // the bench's own load to the figure being measured.
        await listener.WaitAsync(TimeSpan.FromMinutes(10));
        DateTimeOffset lastEventAt;
        lock (events) lastEventAt = events[^1].At;
        var elapsed = (lastEventAt - startedAt).TotalSeconds;
        var status = (await client.GetFromJsonAsync<JsonElement>($"/api/experiments/batch/{id}/status")).GetProperty("status").GetString()!;
        await sseStop.CancelAsync();

        var finished = await StoredTimesAsync(client, id, calls);
        List<(DateTimeOffset At, int Done)> seen;
        lock (events) seen = [.. events];
        var latencies = Operations.ProgressDelays.Milliseconds(finished, seen);
        var rate = calls / elapsed;
        if (print) Console.WriteLine($"   {model}: {calls} calls, {status}, {elapsed:0.00} s → {rate:0} calls/s");
        return (rate, latencies);
    }

    /// <summary>When each completed item of the run was stored (its finished_at), in order.</summary>
    public static async Task<List<DateTimeOffset>> StoredTimesAsync(HttpClient client, Guid id, int calls)
    {
        var finished = new List<DateTimeOffset>();
        for (var page = 1; finished.Count < calls; page++)
        {
            var items = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/batch/{id}/items?status=completed&page={page}&page_size=1000");
            var batch = items.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("finished_at").GetDateTimeOffset()).ToList();
            if (batch.Count == 0) break;
            finished.AddRange(batch);
        }
        finished.Sort();
        return finished;
    }

    private static async Task ListenAsync(HttpClient client, Guid id, List<(DateTimeOffset, int)> events, CancellationToken ct)
    {
        try
        {
            using var response = await client.GetAsync($"/api/experiments/batch/{id}/progress", HttpCompletionOption.ResponseHeadersRead, ct);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
                var data = JsonDocument.Parse(line[6..]).RootElement;
                var done = data.GetProperty("completed_combinations").GetInt32() + data.GetProperty("failed_combinations").GetInt32();
                lock (events) events.Add((DateTimeOffset.UtcNow, done));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public static double Median(List<double> values) => Percentile(values.Order().ToList(), 50);

    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = p / 100 * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
