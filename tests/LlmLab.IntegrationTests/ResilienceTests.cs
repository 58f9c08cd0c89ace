using System.Diagnostics;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class ResilienceTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task Killing_the_worker_process_mid_run_still_ends_with_exactly_18_responses()
    {
        // The simulated-slow model answers after 1.5 s, so calls are in flight when the worker dies.
        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("kill-worker", provider: "simulated", model: "simulated-slow"));
        var runId = await _api.GenerateAsync(experimentId);

        var deadline = DateTime.UtcNow.AddMinutes(1);
        int completed;
        do
        {
            completed = (await _api.StatusAsync(runId)).GetProperty("completed_combinations").GetInt32();
            await Task.Delay(50);
        }
        while (completed == 0 && DateTime.UtcNow < deadline);
        Assert.InRange(completed, 1, 17);

        var killedPid = platform.ReadState()!.Resource("batch").Pid!.Value;
        using (var kill = Process.Start("kill", ["-KILL", killedPid.ToString()])) await kill.WaitForExitAsync();

        var status = await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(3));
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(18, status.GetProperty("completed_combinations").GetInt32());

        var responses = await _api.ResponsesAsync(experimentId, runId);
        Assert.Equal(18, responses.GetProperty("total").GetInt32());
        Assert.Equal(18, responses.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("temperature").GetDouble(), i.GetProperty("top_p").GetDouble(), i.GetProperty("seed").GetInt64())).Distinct().Count());

        // The AppHost restarted the worker process: a new pid, healthy again.
        var restartDeadline = DateTime.UtcNow.AddMinutes(1);
        while (platform.ReadState()!.Resource("batch").State != "running" && DateTime.UtcNow < restartDeadline) await Task.Delay(200);
        var batch = platform.ReadState()!.Resource("batch");
        Assert.NotEqual(killedPid, batch.Pid);
        Assert.Equal("running", batch.State);
    }

    [Fact]
    public async Task Calls_that_finally_fail_are_recorded_on_their_work_items_and_the_run_ends_failed()
    {
        var body = new Dictionary<string, object>
        {
            ["name"] = "broken-provider", ["prompt"] = "Explain rain.", ["provider"] = "simulated-broken", ["model"] = "simulated-down",
            ["temperature_min"] = 0.5, ["temperature_max"] = 0.5, ["temperature_step"] = 0.1,
            ["top_p_min"] = 1.0, ["top_p_max"] = 1.0, ["top_p_step"] = 0.1, ["max_tokens"] = 10, ["response_count"] = 2,
        };
        var experimentId = await _api.CreateExperimentAsync(body);
        var runId = await _api.GenerateAsync(experimentId);
        var status = await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal(2, status.GetProperty("failed_combinations").GetInt32());
        var failed = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/experiments/batch/{runId}/items?status=failed"), System.Net.HttpStatusCode.OK);
        Assert.Equal(2, failed.GetProperty("total").GetInt32());
        Assert.All(failed.GetProperty("items").EnumerateArray(), item =>
        {
            var error = item.GetProperty("error");
            // Every 500 retried, or refused at once when other tests' calls to this provider have opened its circuit.
            if (error.GetProperty("kind").GetString() == "unavailable")
            {
                Assert.Contains("circuit open", error.GetProperty("message").GetString(), StringComparison.Ordinal);
                return;
            }
            Assert.Equal("provider_error", error.GetProperty("kind").GetString());
            Assert.Equal(500, error.GetProperty("provider_status").GetInt32());
            Assert.Equal(4, error.GetProperty("attempts").GetInt32());
            Assert.Contains("server error (500)", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(0, (await _api.ResponsesAsync(experimentId, runId)).GetProperty("total").GetInt32());
    }
}
