using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Nothing lost, nothing doubled: a 500-call run survives a worker crash, a RabbitMQ restart and a PostgreSQL restart
/// in its middle, and ends with exactly 500 results in the batch service and 500 scored responses in analytics.
/// </summary>
[Collection(PlatformCollection.Name)]
public class FaultToleranceTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Theory]
    [InlineData("batch", "KILL")]     // the worker process crashes; the AppHost starts it again
    [InlineData("llm-integration", "KILL")] // crashes holding provider slots in Redis; its successor must not wait long for them
    [InlineData("rabbitmq", "TERM")]  // the broker stops; the AppHost starts it again on the same port and data
    [InlineData("postgres", "QUIT")]  // PostgreSQL's immediate shutdown (no checkpoint); the AppHost starts it again
    public async Task A_500_call_run_ends_with_exactly_500_results_when_a_process_goes_down_in_its_middle(string resource, string signal)
    {
        var created = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/experiments/batch", new
        {
            name = $"fault-{resource}", prompt = "Explain how rain forms.", provider = "simulated", model = "simulated-200ms", response_count = 10,
            parameter_ranges = new { temperature = new { min = 0.1, max = 0.5, step = 0.1 }, top_p = new { min = 0.1, max = 1.0, step = 0.1 } },
        }), HttpStatusCode.Created);
        Assert.Equal(500, created.GetProperty("total_calls").GetInt32());
        var runId = created.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Accepted, (await _api.Client.PostAsync($"/api/experiments/batch/{runId}/start", null)).StatusCode);

        var deadline = DateTime.UtcNow.AddMinutes(1);
        int completed;
        do
        {
            await Task.Delay(100);
            completed = (await _api.StatusAsync(runId)).GetProperty("completed_combinations").GetInt32();
        }
        while (completed < 50 && DateTime.UtcNow < deadline);
        Assert.InRange(completed, 50, 450);

        var pid = platform.ReadState()!.Resource(resource).Pid!.Value;
        using (var kill = Process.Start("kill", [$"-{signal}", pid.ToString()])) await kill.WaitForExitAsync();
        var killedAt = Stopwatch.StartNew();

        var status = await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(5));
        // Slots leased by the killed llm-integration lapse within 15 s; with the former two-minute leases the run stood
        // still for about two minutes after the restart.
        if (resource == "llm-integration")
            Assert.True(killedAt.Elapsed < TimeSpan.FromSeconds(75), $"the run finished {killedAt.Elapsed.TotalSeconds:0} s after the kill");
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(500, status.GetProperty("completed_combinations").GetInt32());
        Assert.Equal(0, status.GetProperty("failed_combinations").GetInt32());

        var rows = await _api.ExportedItemsAsync(runId);
        Assert.Equal(500, rows.Count);
        Assert.Equal(500, rows.Select(r => r.ResponseId).Distinct().Count());
        Assert.Equal(500, rows.Select(r => (r.Temperature, r.TopP, r.Seed)).Distinct().Count());

        // Every ResponseScored event reached analytics exactly once.
        var analyticsDeadline = DateTime.UtcNow.AddMinutes(2);
        long inAnalytics;
        do
        {
            var breakdown = await _api.Client.GetAsync($"/api/analytics/quality/breakdown?batch_id={runId}");
            inAnalytics = breakdown.IsSuccessStatusCode ? JsonDocument.Parse(await breakdown.Content.ReadAsStringAsync()).RootElement.GetProperty("sample_size").GetInt64() : -1;
            if (inAnalytics == 500) break;
            await Task.Delay(500);
        }
        while (DateTime.UtcNow < analyticsDeadline);
        Assert.Equal(500, inAnalytics);

        var after = platform.ReadState()!.Resource(resource);
        Assert.NotEqual(pid, after.Pid);

        // Every service answers again, including those whose pooled database connections the restart broke.
        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3($"after-{resource}"));
        Assert.Equal(HttpStatusCode.OK, (await _api.Client.GetAsync($"/api/experiments/{experimentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.Client.GetAsync("/api/analytics/models/comparison")).StatusCode);
    }
}
