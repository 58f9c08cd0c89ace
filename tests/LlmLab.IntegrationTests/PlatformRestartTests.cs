using System.Net;
using System.Net.Http.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Stopping the whole platform (SIGTERM, as Ctrl+C or a service manager) in the middle of a run: every service and server
/// exits and nothing is left running; started again, the run carries on where it stopped.
/// </summary>
public class PlatformRestartTests
{
    private const string ApiKey = "restart-test-key";

    // Four calls at a time, 200 ms each: 200 calls take about 10 s, long enough to stop the platform in the middle. No
    // warm-up: the resumed run would finish during the second start's warm-up, before the platform reports running,
    // and the test could no longer see that the run was carried on rather than done before the stop.
    private static readonly string[] Arguments =
        [$"--AppHost:DevApiKey={ApiKey}", "--AppHost:ServiceEnvironment:Batch__WorkerConcurrency=4", "--AppHost:WarmUp:Calls=0"];

    private static HttpClient Client(AppHostProcess appHost)
    {
        var client = new HttpClient { BaseAddress = new Uri(appHost.GatewayUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    [Fact]
    public async Task A_run_interrupted_by_stopping_the_platform_finishes_with_every_call_once_after_it_starts_again()
    {
        Guid runId;
        int completedBeforeStop;
        AppHostProcess first = AppHostProcess.Start("restart-platform", Arguments);
        await using (first)
        {
            await first.WaitUntilRunningAsync(TimeSpan.FromMinutes(5));
            var running = first.ReadState()!;
            var pids = running.Resources.Select(r => r.Pid).OfType<int>().ToList();
            Assert.Equal(running.Resources.Count, pids.Count);
            var api = new PlatformApi(Client(first));
            Assert.Equal("healthy", (await api.GetAsync("/api/health")).GetProperty("status").GetString());
            var created = await PlatformApi.ReadAsync(await api.Client.PostAsJsonAsync("/api/experiments/batch", new
            {
                name = "restart", prompt = "Explain rain.", provider = "simulated", model = "simulated-200ms", response_count = 10,
                parameter_ranges = new { temperature = new[] { 0.1, 0.3, 0.5, 0.7, 0.9 }, top_p = new[] { 0.25, 0.5, 0.75, 1.0 } },
            }), HttpStatusCode.Created);
            runId = created.GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.Accepted, (await api.Client.PostAsync($"/api/experiments/batch/{runId}/start", null)).StatusCode);
            do
            {
                await Task.Delay(200);
                completedBeforeStop = (await api.StatusAsync(runId)).GetProperty("completed_combinations").GetInt32();
            }
            while (completedBeforeStop < 16);
            Assert.Equal(0, await first.StopAsync(TimeSpan.FromMinutes(2)));
            Assert.All(pids, pid => Assert.False(ProcessProbe.IsAlive(pid), $"process {pid} is still running"));
            Assert.Empty(ProcessProbe.ProcessesUsing(first.DataDirectory));
            var stopped = first.ReadState()!;
            Assert.Equal("stopped", stopped.State);
            Assert.All(stopped.Resources, r => Assert.Null(r.Pid));
        }

        await using var second = AppHostProcess.StartAgain(first, Arguments);
        await second.WaitUntilRunningAsync(TimeSpan.FromMinutes(5));
        var again = new PlatformApi(Client(second));
        var resumed = await again.StatusAsync(runId);
        Assert.Equal("running", resumed.GetProperty("status").GetString());
        Assert.InRange(resumed.GetProperty("completed_combinations").GetInt32(), completedBeforeStop, 199);

        var status = await again.WaitForRunAsync(runId, TimeSpan.FromMinutes(3));
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(200, status.GetProperty("completed_combinations").GetInt32());
        var rows = await again.ExportedItemsAsync(runId);
        Assert.Equal(200, rows.Count);
        Assert.Equal(200, rows.Select(r => (r.Temperature, r.TopP, r.Seed)).Distinct().Count());
    }
}
