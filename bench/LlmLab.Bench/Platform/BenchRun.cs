using System.Net.Http.Json;
using System.Text.Json;

namespace LlmLab.Bench.Platform;

/// <summary>One batch run through the gateway: created, started, polled until it finishes; its rate and status.</summary>
public static class BenchRun
{
    private static readonly double[] Temperatures = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    /// <summary>Runs <paramref name="calls"/> calls (a multiple of 1,000 up to 10,000: 10 temperatures × top_p values × 100).</summary>
    public static async Task<(double CallsPerSecond, string Status, double Seconds)> RunAsync(RunningPlatform platform, string provider, int calls)
    {
        var id = await CreateAsync(platform, provider, calls);
        await StartAsync(platform, id);
        var (status, seconds) = await WaitAsync(platform, id);
        return (calls / seconds, status, seconds);
    }

    /// <summary>Creates the run (not started); answers its id.</summary>
    public static async Task<Guid> CreateAsync(RunningPlatform platform, string provider, int calls)
    {
        var topPs = Enumerable.Range(1, calls / 1000).Select(i => i / 10.0).ToArray();
        using var create = await platform.Client.PostAsJsonAsync("/api/experiments/batch", new
        {
            name = $"bench-{provider}", prompt = "Explain how rain forms.", provider, model = BenchProviders.Model, response_count = 100,
            parameter_ranges = new { temperature = Temperatures, top_p = topPs, max_tokens = new[] { 60 } },
        });
        var created = await create.Content.ReadFromJsonAsync<JsonElement>();
        if (!create.IsSuccessStatusCode) throw new InvalidOperationException($"Creating the run failed: {created}");
        if (created.GetProperty("total_calls").GetInt32() != calls) throw new InvalidOperationException($"Expected {calls} calls: {created}");
        return created.GetProperty("id").GetGuid();
    }

    public static async Task StartAsync(RunningPlatform platform, Guid id) =>
        (await platform.Client.PostAsync($"/api/experiments/batch/{id}/start", null)).EnsureSuccessStatusCode();

    /// <summary>
    /// Polls the run's status once a second until it is final; answers the status and the run's own duration (its
    /// started_at and finished_at, set by the batch service). A failed poll (a service restarting under the chaos bench)
    /// is retried, not fatal.
    /// </summary>
    public static async Task<(string Status, double Seconds)> WaitAsync(RunningPlatform platform, Guid id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(30));
        // Polling once a second keeps the bench's load off the figure (a status read aggregates the run's scores).
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
            if (await TryStatusAsync(platform, id) is not { } status) continue;
            var state = status.GetProperty("status").GetString()!;
            if (state is "completed" or "completed_with_errors" or "failed" or "cancelled")
                return (state, (status.GetProperty("finished_at").GetDateTimeOffset() - status.GetProperty("started_at").GetDateTimeOffset()).TotalSeconds);
        }
        throw new TimeoutException($"Run {id} did not finish by {deadline:HH:mm:ss}.");
    }

    /// <summary>The run's status view, or null when the gateway or batch did not answer it.</summary>
    public static async Task<JsonElement?> TryStatusAsync(RunningPlatform platform, Guid id)
    {
        try
        {
            using var response = await platform.Client.GetAsync($"/api/experiments/batch/{id}/status");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
