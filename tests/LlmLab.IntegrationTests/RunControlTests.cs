using System.Net;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>Cancel aborts the provider calls in flight; pause lets them finish and then stands still; the numbers agree between reads.</summary>
[Collection(PlatformCollection.Name)]
public class RunControlTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task Cancel_aborts_the_provider_requests_in_flight_and_the_counts_are_final_at_once()
    {
        var provider = platform.FakeOpenAi.Scenario(FakeProviders.Cancel);
        provider.Latency = TimeSpan.FromSeconds(60);
        provider.ResetCounters();
        var id = await _api.StartBatchAsync("cancel", FakeProviders.Cancel, calls: 3 * PlatformFixture.WorkerConcurrency);
        await RunEngineTests.WaitUntilAsync(() => provider.InFlight == PlatformFixture.WorkerConcurrency, TimeSpan.FromSeconds(30));

        using var cancel = await _api.Client.DeleteAsync($"/api/experiments/batch/{id}");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var first = await _api.StatusAsync(id);

        // The provider sees each of its requests aborted, long before their 60 s were up.
        await RunEngineTests.WaitUntilAsync(() => provider.Aborted == PlatformFixture.WorkerConcurrency, TimeSpan.FromSeconds(10));
        Assert.Equal(0, provider.InFlight);
        await Task.Delay(1_000);
        Assert.Equal(PlatformFixture.WorkerConcurrency, provider.Requests); // nothing new started
        Assert.Equal(0, provider.Succeeded);

        var second = await _api.StatusAsync(id);
        Assert.Equal("cancelled", first.GetProperty("status").GetString());
        foreach (var field in new[] { "status", "completed_combinations", "failed_combinations", "progress" })
            Assert.Equal(first.GetProperty(field).ToString(), second.GetProperty(field).ToString());
        Assert.Equal(0, second.GetProperty("completed_combinations").GetInt32());

        var cancelled = await _api.GetAsync($"/api/experiments/batch/{id}/items?status=cancelled");
        Assert.Equal(12, cancelled.GetProperty("total").GetInt32());
        var failures = (await _api.GetAsync($"/api/experiments/batch/{id}")).GetProperty("failures");
        var summary = Assert.Single(failures.EnumerateArray());
        Assert.Equal("cancelled", summary.GetProperty("kind").GetString());
        Assert.Equal(12, summary.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Pause_lets_calls_in_flight_finish_then_shows_exactly_them_and_resume_finishes_every_call_once()
    {
        var provider = platform.FakeOpenAi.Scenario(FakeProviders.Slow);
        provider.Latency = TimeSpan.FromSeconds(2);
        provider.ResetCounters();
        var id = await _api.StartBatchAsync("pause", FakeProviders.Slow, calls: 4 * PlatformFixture.WorkerConcurrency);
        await RunEngineTests.WaitUntilAsync(() => provider.InFlight == PlatformFixture.WorkerConcurrency, TimeSpan.FromSeconds(30));

        using (var pause = await _api.Client.PostAsync($"/api/experiments/batch/{id}/pause", null)) Assert.Equal(HttpStatusCode.Accepted, pause.StatusCode);
        await RunEngineTests.WaitUntilAsync(() => provider.InFlight == 0, TimeSpan.FromSeconds(10));
        var answered = provider.Succeeded;
        Assert.InRange(answered, PlatformFixture.WorkerConcurrency, 2 * PlatformFixture.WorkerConcurrency);
        // Every call the provider answered is recorded, and no other.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonElement paused;
        do paused = await _api.StatusAsync(id);
        while (paused.GetProperty("completed_combinations").GetInt32() < answered && DateTime.UtcNow < deadline);
        Assert.Equal("paused", paused.GetProperty("status").GetString());
        Assert.Equal(answered, paused.GetProperty("completed_combinations").GetInt32());
        Assert.Equal(JsonValueKind.Null, paused.GetProperty("estimated_completion").ValueKind);

        await Task.Delay(3_000);
        var still = await _api.StatusAsync(id);
        Assert.Equal(answered, still.GetProperty("completed_combinations").GetInt32());
        Assert.Equal(answered, provider.Requests);

        using (var resume = await _api.Client.PostAsync($"/api/experiments/batch/{id}/start", null)) Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        var done = await _api.WaitForRunAsync(id, TimeSpan.FromMinutes(2));
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(16, done.GetProperty("completed_combinations").GetInt32());
        Assert.Equal(16, provider.Requests);
    }

    [Fact]
    public async Task An_experiment_goes_from_draft_to_running_to_its_runs_outcome_and_is_found_by_status()
    {
        var completed = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("lifecycle-completed", provider: "simulated", model: "simulated-200ms"));
        Assert.Equal("draft", await StatusOfAsync(completed));
        var run = await _api.GenerateAsync(completed);
        Assert.Equal("running", await WaitForExperimentAsync(completed, s => s is "running" or "completed"));
        await _api.WaitForRunAsync(run, TimeSpan.FromMinutes(2));
        Assert.Equal("completed", await WaitForExperimentAsync(completed, s => s == "completed"));

        var failed = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("lifecycle-failed", provider: "simulated-broken", model: "simulated-down"));
        await _api.WaitForRunAsync(await _api.GenerateAsync(failed), TimeSpan.FromMinutes(2));
        Assert.Equal("failed", await WaitForExperimentAsync(failed, s => s == "failed"));

        platform.FakeOpenAi.Scenario(FakeProviders.Cancel).Latency = TimeSpan.FromSeconds(60);
        var cancelled = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("lifecycle-cancelled", provider: FakeProviders.Cancel));
        var cancelledRun = await _api.GenerateAsync(cancelled);
        Assert.Equal("running", await WaitForExperimentAsync(cancelled, s => s == "running"));
        Assert.Equal(HttpStatusCode.Accepted, (await _api.Client.DeleteAsync($"/api/experiments/batch/{cancelledRun}")).StatusCode);
        Assert.Equal("cancelled", await WaitForExperimentAsync(cancelled, s => s == "cancelled"));

        foreach (var (id, status) in new[] { (completed, "completed"), (failed, "failed"), (cancelled, "cancelled") })
        {
            var found = await _api.GetAsync($"/api/experiments?status={status}&page_size=200");
            Assert.Contains(found.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
            Assert.All(found.GetProperty("items").EnumerateArray(), e => Assert.Equal(status, e.GetProperty("status").GetString()));
        }
        var withErrors = await _api.GetAsync("/api/experiments?status=completed_with_errors");
        Assert.DoesNotContain(withErrors.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetGuid() == completed);
    }

    private async Task<string> StatusOfAsync(Guid experimentId) =>
        (await _api.GetAsync($"/api/experiments/{experimentId}")).GetProperty("status").GetString()!;

    private async Task<string> WaitForExperimentAsync(Guid experimentId, Func<string, bool> reached)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = await StatusOfAsync(experimentId);
            if (reached(status) || DateTime.UtcNow > deadline) return status;
            await Task.Delay(100);
        }
    }
}
