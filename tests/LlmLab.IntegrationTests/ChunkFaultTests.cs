using System.Diagnostics;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Workers take a run's items a chunk at a time and record a chunk in one transaction. A worker killed while a chunk's
/// calls are in flight loses those calls, never their items: the chunk is delivered again, its items still pending are
/// called again, and every accepted call ends with exactly one result.
/// </summary>
[Collection(PlatformCollection.Name)]
public class ChunkFaultTests(PlatformFixture platform)
{
    private const int Calls = 48;
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_chunk_still_yields_exactly_one_result_per_call()
    {
        var provider = platform.FakeOpenAi.Scenario(FakeProviders.Slow);
        provider.Latency = TimeSpan.FromSeconds(1);
        provider.ResetCounters();
        var runId = await _api.StartBatchAsync("chunk-kill", FakeProviders.Slow, calls: Calls);

        // Killed once a chunk has been recorded and the next chunk's calls are at the provider, unanswered.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        int completed;
        do
        {
            await Task.Delay(50);
            completed = (await _api.StatusAsync(runId)).GetProperty("completed_combinations").GetInt32();
        }
        while ((completed == 0 || provider.InFlight == 0) && DateTime.UtcNow < deadline);
        Assert.InRange(completed, 1, Calls - 1);
        Assert.True(provider.InFlight > 0, "a chunk's calls are in flight when the worker is killed");
        var pid = platform.ReadState()!.Resource("batch").Pid!.Value;
        using (var kill = Process.Start("kill", ["-KILL", pid.ToString()])) await kill.WaitForExitAsync();

        var status = await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(4));
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(Calls, status.GetProperty("completed_combinations").GetInt32());
        Assert.Equal(0, status.GetProperty("failed_combinations").GetInt32());
        // The killed chunk's calls were made again: the provider saw more requests than there are items.
        Assert.True(provider.Requests > Calls, $"the provider saw {provider.Requests} requests for {Calls} calls");

        var rows = await _api.ExportedItemsAsync(runId);
        Assert.Equal(Calls, rows.Count);
        Assert.Equal(Calls, rows.Select(r => r.ResponseId).Distinct().Count());
        Assert.Equal(Calls, rows.Select(r => r.Seed).Distinct().Count());

        // Analytics holds each response once, though a chunk's event may have been published twice.
        var analyticsDeadline = DateTime.UtcNow.AddMinutes(2);
        long inAnalytics;
        do
        {
            using var breakdown = await _api.Client.GetAsync($"/api/analytics/quality/breakdown?batch_id={runId}");
            inAnalytics = breakdown.IsSuccessStatusCode ? JsonDocument.Parse(await breakdown.Content.ReadAsStringAsync()).RootElement.GetProperty("sample_size").GetInt64() : -1;
            if (inAnalytics == Calls) break;
            await Task.Delay(500);
        }
        while (DateTime.UtcNow < analyticsDeadline);
        Assert.Equal(Calls, inAnalytics);
        Assert.NotEqual(pid, platform.ReadState()!.Resource("batch").Pid);
    }
}
