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
        var topPs = Enumerable.Range(1, calls / 1000).Select(i => i / 10.0).ToArray();
        var client = platform.Client;
        using var create = await client.PostAsJsonAsync("/api/experiments/batch", new
        {
            name = $"bench-{provider}", prompt = "Explain how rain forms.", provider, model = BenchProviders.Model, response_count = 100,
            parameter_ranges = new { temperature = Temperatures, top_p = topPs, max_tokens = new[] { 60 } },
        });
        var created = await create.Content.ReadFromJsonAsync<JsonElement>();
        if (!create.IsSuccessStatusCode) throw new InvalidOperationException($"Creating the run failed: {created}");
        var id = created.GetProperty("id").GetGuid();
        if (created.GetProperty("total_calls").GetInt32() != calls) throw new InvalidOperationException($"Expected {calls} calls: {created}");

        (await client.PostAsync($"/api/experiments/batch/{id}/start", null)).EnsureSuccessStatusCode();
        // The run's own started_at and finished_at (set by the batch service) time it; polling once a second keeps the
        // bench's load off the figure (a status read aggregates the run's scores).
        while (true)
        {
            await Task.Delay(1000);
            var status = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/batch/{id}/status");
            var state = status.GetProperty("status").GetString()!;
            if (state is "completed" or "completed_with_errors" or "failed" or "cancelled")
            {
                var seconds = (status.GetProperty("finished_at").GetDateTimeOffset() - status.GetProperty("started_at").GetDateTimeOffset()).TotalSeconds;
                return (calls / seconds, state, seconds);
            }
        }
    }
}
