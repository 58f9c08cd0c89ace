using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// The AppHost's operators' dashboard in headless Chromium (web/e2e/operators-dashboard.mjs): a generate request with a
/// known trace id becomes, through the AppHost's OTLP receiver, a span tree across gateway → batch → experiments and
/// llm-integration; resources, a console search and the metrics charts are checked on the way (screenshots under
/// .llmlab/test-output/operators-dashboard/).
/// </summary>
[Collection(ReplicasPlatformCollection.Name)]
public sealed class OperatorsDashboardTests(ReplicasPlatformFixture platform)
{
    [Fact]
    public async Task A_generate_request_shows_as_one_span_tree_across_the_services_in_the_browser()
    {
        using var client = platform.CreateClient();
        var api = new PlatformApi(client);
        var experimentId = await api.CreateExperimentAsync(PlatformApi.Grid3x3("dashboard-trace"));
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var runId = await api.GenerateAsync(experimentId, traceParent: $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        await api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));
        await WaitForServicesInTraceAsync(traceId, ["gateway", "batch", "experiments", "llm-integration"]);

        var output = BrowserScript.OutputFolder("operators-dashboard");
        var log = await BrowserScript.RunAsync(["e2e/operators-dashboard.mjs", platform.DashboardUrl.ToString(), traceId, output], TimeSpan.FromMinutes(3));

        Assert.Contains("dashboard-e2e: passed", log, StringComparison.Ordinal);
        Assert.Contains("resources: every process healthy, batch runs as batch and batch-2", log, StringComparison.Ordinal);
        BrowserScript.AssertScreenshots(output, ["dashboard-resources", "dashboard-console", "dashboard-trace", "dashboard-metrics"]);
    }

    [Fact]
    public async Task The_dashboard_api_reports_the_apphost_as_receiver_and_every_process_healthy_with_its_pid()
    {
        using var dashboard = platform.CreateDashboardClient();
        var overview = await dashboard.GetFromJsonAsync<JsonElement>("/api/overview");
        Assert.Equal("apphost", overview.GetProperty("receiver").GetString());

        var resources = await dashboard.GetFromJsonAsync<JsonElement>("/api/resources");
        var processes = resources.EnumerateArray().Where(r => r.GetProperty("kind").GetString() == "project").ToList();
        Assert.Contains(processes, p => p.GetProperty("name").GetString() == "batch-2" && p.GetProperty("service").GetString() == "batch");
        Assert.All(processes, p => Assert.Equal("healthy", p.GetProperty("health").GetString()));
        var state = platform.AppHost.ReadState()!;
        Assert.All(processes, p => Assert.Equal(state.Resource(p.GetProperty("name").GetString()!).Pid, p.GetProperty("pid").GetInt32()));

        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/resources");
        rebound.Headers.Host = "dashboard.attacker.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await dashboard.SendAsync(rebound)).StatusCode);
    }

    private async Task WaitForServicesInTraceAsync(string traceId, string[] services)
    {
        using var dashboard = platform.CreateDashboardClient();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var seen = new HashSet<string>();
        while (DateTime.UtcNow < deadline)
        {
            using var answer = await dashboard.GetAsync($"/api/traces/{traceId}");
            if (answer.IsSuccessStatusCode)
            {
                var trace = await answer.Content.ReadFromJsonAsync<JsonElement>();
                seen = trace.GetProperty("summary").GetProperty("services").EnumerateArray().Select(s => s.GetString()!).ToHashSet();
                if (services.All(seen.Contains)) return;
            }
            await Task.Delay(500);
        }
        Assert.Fail($"The dashboard's trace {traceId} has spans of {string.Join(", ", seen)} only, after 30 s.");
    }
}
