using System.Diagnostics;
using System.Text.Json;
using LlmLab.ServiceKit.Statistics;

namespace LlmLab.Bench.Platform.Operations;

/// <summary>
/// Many clients on one run's SSE progress stream through the gateway: all connected before the run starts, each must
/// receive the final event. Connect time, the delay from an item's result being stored to each client's event that
/// counts it, dropped connections, and the gateway's memory.
/// </summary>
public static class SseFanOutBench
{
    private sealed class Listener
    {
        public double ConnectMs = double.NaN;
        public int HttpStatus;
        public readonly List<(DateTimeOffset At, int Done)> Events = [];
        public bool SawFinal;
        public string? Error;
    }

    /// <summary>Answers the run's id (the API latency bench reads it).</summary>
    public static async Task<Guid> RunAsync(RunningPlatform platform, int clients, int calls)
    {
        Console.WriteLine($"== SSE: {clients:N0} clients on one run's progress stream through the gateway, {calls:N0} calls at C=64, 200 ms (load average {PlatformProcesses.LoadAverage()})");
        var id = await BenchRun.CreateAsync(platform, "bench-c64", calls);
        var gatewayPid = platform.Resources().Single(r => r.Name == "gateway");
        using var memory = PssSampler.Start(() => PlatformProcesses.PssMiBBy([gatewayPid]).Values.Sum(), TimeSpan.FromSeconds(1));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, ConnectTimeout = TimeSpan.FromSeconds(60) })
        {
            BaseAddress = platform.Client.BaseAddress, Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", RunningPlatform.ApiKey);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var listeners = Enumerable.Range(0, clients).Select(_ => new Listener()).ToList();
        var connected = 0;
        var watch = Stopwatch.StartNew();
        var reading = listeners.Select(l => ListenAsync(http, id, l, () => Interlocked.Increment(ref connected), stop.Token)).ToList();
        while (Volatile.Read(ref connected) < clients && watch.Elapsed < TimeSpan.FromSeconds(120) && !reading.All(t => t.IsCompleted)) await Task.Delay(100);
        var allConnectedSeconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"   {connected:N0} of {clients:N0} connected after {allConnectedSeconds:0.0} s (load average {PlatformProcesses.LoadAverage()})");

        await BenchRun.StartAsync(platform, id);
        var (status, seconds) = await BenchRun.WaitAsync(platform, id);
        var finalWait = Task.WhenAll(reading);
        await Task.WhenAny(finalWait, Task.Delay(TimeSpan.FromSeconds(30)));
        await stop.CancelAsync();
        await finalWait;
        var gatewayMemory = await memory.StopAsync();
        var loadAfter = PlatformProcesses.LoadAverage();

        var stored = await EndToEndBench.StoredTimesAsync(platform.Client, id, calls);
        var delays = new List<double>();
        foreach (var listener in listeners) delays.AddRange(ProgressDelays.Milliseconds(stored, listener.Events));
        delays.Sort();
        var connects = listeners.Where(l => !double.IsNaN(l.ConnectMs)).Select(l => l.ConnectMs).Order().ToList();
        var dropped = listeners.Count(l => !l.SawFinal);
        var errors = listeners.Where(l => l.Error is not null).GroupBy(l => l.Error).Select(g => $"{g.Count()}× {g.Key}").ToList();

        MarkdownTable.Print(["clients", "run", "connect p50 / p95 ms", "event delay p50 / p95 / max ms (n)", "final event received", "dropped", "gateway PSS before / max / after MiB", "load average after"],
        [
            [
                $"{clients:N0}", $"{calls:N0} calls, {status}, {seconds:0.0} s",
                $"{MarkdownTable.Ms(Percentiles.Of(connects, 50))} / {MarkdownTable.Ms(Percentiles.Of(connects, 95))}",
                delays.Count == 0 ? "–" : $"{MarkdownTable.Ms(Percentiles.Of(delays, 50))} / {MarkdownTable.Ms(Percentiles.Of(delays, 95))} / {MarkdownTable.Ms(delays[^1])} ({delays.Count:N0})",
                $"{clients - dropped:N0} of {clients:N0}", $"{dropped:N0}",
                $"{gatewayMemory[0].MiB:0} / {gatewayMemory.Max(s => s.MiB):0} / {gatewayMemory[^1].MiB:0}", loadAfter,
            ],
        ]);
        if (errors.Count > 0) Console.WriteLine($"   client errors: {string.Join("; ", errors.Take(5))}");
        return id;
    }

    private static async Task ListenAsync(HttpClient http, Guid id, Listener listener, Func<int> onConnected, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync($"/api/experiments/batch/{id}/progress", HttpCompletionOption.ResponseHeadersRead, ct);
            listener.HttpStatus = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                listener.Error = $"HTTP {(int)response.StatusCode}";
                return;
            }
            listener.ConnectMs = watch.Elapsed.TotalMilliseconds;
            onConnected();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
                var data = JsonDocument.Parse(line[6..]).RootElement;
                var done = data.GetProperty("completed_combinations").GetInt32() + data.GetProperty("failed_combinations").GetInt32();
                listener.Events.Add((DateTimeOffset.UtcNow, done));
                if (data.GetProperty("status").GetString() is "completed" or "completed_with_errors" or "failed" or "cancelled") listener.SawFinal = true;
            }
        }
        catch (OperationCanceledException)
        {
            listener.Error ??= "no final event before the bench stopped waiting";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            listener.Error = ex.GetType().Name + ": " + ex.Message;
        }
    }
}
