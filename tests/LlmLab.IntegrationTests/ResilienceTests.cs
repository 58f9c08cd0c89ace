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
}
