using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// `--replicas batch=2`: two batch processes on their own ports behind the gateway (YARP destinations) and on one
/// RabbitMQ queue (competing consumers). A 500-call run ends with exactly one result per call, and both replicas served.
/// </summary>
[Collection(ReplicasPlatformCollection.Name)]
public sealed class ReplicasTests(ReplicasPlatformFixture platform)
{
    [Fact]
    public async Task Two_batch_replicas_give_exactly_one_result_per_call_of_a_500_call_run_and_both_take_part()
    {
        var state = platform.AppHost.ReadState()!;
        var first = state.Resource("batch");
        var second = state.Resource("batch-2");
        Assert.Equal(("running", "running"), (first.State, second.State));
        Assert.NotEqual(first.Url, second.Url);
        Assert.NotEqual(first.Pid, second.Pid);

        using var client = platform.CreateClient();
        var api = new PlatformApi(client);
        var created = await PlatformApi.ReadAsync(await client.PostAsJsonAsync("/api/experiments/batch", new
        {
            name = "replicas", prompt = "Explain how rain forms.", provider = "simulated", model = "simulated-200ms", response_count = 10,
            parameter_ranges = new { temperature = new { min = 0.1, max = 0.5, step = 0.1 }, top_p = new { min = 0.1, max = 1.0, step = 0.1 } },
        }), HttpStatusCode.Created);
        Assert.Equal(500, created.GetProperty("total_calls").GetInt32());
        var runId = created.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/experiments/batch/{runId}/start", null)).StatusCode);

        var status = await api.WaitForRunAsync(runId, TimeSpan.FromMinutes(5));
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(500, status.GetProperty("completed_combinations").GetInt32());
        Assert.Equal(0, status.GetProperty("failed_combinations").GetInt32());

        var rows = await api.ExportedItemsAsync(runId);
        Assert.Equal(500, rows.Count);
        Assert.Equal(500, rows.Select(r => r.ResponseId).Distinct().Count());
        Assert.Equal(500, rows.Select(r => (r.Temperature, r.TopP, r.Seed)).Distinct().Count());

        // Both processes did work: spans of the batch service come from two service instances (each process has its own
        // service.instance.id), as the dashboard's receiver saw them.
        Assert.Equal(2, (await BatchInstancesAsync()).Count);
    }

    private async Task<HashSet<string>> BatchInstancesAsync()
    {
        using var dashboard = platform.CreateDashboardClient();
        var instances = new HashSet<string>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (instances.Count < 2 && DateTime.UtcNow < deadline)
        {
            var traces = await dashboard.GetFromJsonAsync<JsonElement>("/api/traces?service=batch&limit=1000");
            foreach (var trace in traces.EnumerateArray().Take(200))
            {
                var detail = await dashboard.GetFromJsonAsync<JsonElement>($"/api/traces/{trace.GetProperty("traceId").GetString()}");
                foreach (var node in detail.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("span")))
                {
                    if (node.GetProperty("service").GetString() == "batch") instances.Add(node.GetProperty("instance").GetString()!);
                }
                if (instances.Count >= 2) break;
            }
            if (instances.Count < 2) await Task.Delay(1000);
        }
        return instances;
    }
}
