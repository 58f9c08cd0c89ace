using System.Diagnostics;
using System.Net;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Debian's Prometheus scrapes every process of the platform at /metrics: each service on its own port, the gateway
/// with an admin's key as a bearer token (without one it answers 401). The platform's own counters arrive with the
/// runtime's and ASP.NET Core's.
/// </summary>
[Collection(PlatformCollection.Name)]
public class PrometheusScrapeTests(PlatformFixture platform)
{
    [Fact]
    public async Task Prometheus_scrapes_every_service_and_the_gateway_and_sees_the_platform_s_own_counters()
    {
        var binary = new[] { "/usr/bin/prometheus", "/usr/local/bin/prometheus" }.FirstOrDefault(File.Exists);
        Assert.True(binary is not null, "Prometheus is missing: `bash scripts/setup.sh` installs Debian's prometheus (scripts/test.sh does).");
        using var admin = platform.CreateClient();
        await PlatformReadiness.WaitUntilHealthyAsync(admin, TimeSpan.FromMinutes(5));

        using (var anonymous = new HttpClient { BaseAddress = new Uri(platform.GatewayUrl) })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        using (var analyst = platform.CreateClient((await new IdentityApi(platform).IssueKeyAsync("analyst")).Key))
            Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/metrics")).StatusCode);

        // Calls through the engine, so llm-integration's counters have values.
        var api = new PlatformApi(admin);
        var run = await api.GenerateAsync(await api.CreateExperimentAsync(PlatformApi.Grid3x3($"prometheus-{Guid.NewGuid():N}")));
        await api.WaitForRunAsync(run, TimeSpan.FromMinutes(2));

        var services = platform.ReadState()!.Resources.Where(r => r.Kind == "project" && r.Name != "gateway").ToList();
        var folder = Directory.CreateTempSubdirectory("llmlab-prometheus-");
        var port = AppHostProcess.FreePort();
        var gateway = new Uri(platform.GatewayUrl);
        var serviceTargets = string.Join("\n", services.Select(s => $"      - targets: ['{new Uri(s.Url).Authority}']\n        labels: {{ service: '{s.Name}' }}"));
        var config = $$"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: services
                static_configs:
            {{serviceTargets}}
              - job_name: gateway
                authorization:
                  credentials: '{{PlatformFixture.ApiKey}}'
                static_configs:
                  - targets: ['{{gateway.Authority}}']
                    labels: { service: 'gateway' }
            """;
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "prometheus.yml"), config);
        var start = new ProcessStartInfo(binary!)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.FullName,
        };
        foreach (var argument in new[]
                 {
                     $"--config.file={Path.Combine(folder.FullName, "prometheus.yml")}", $"--storage.tsdb.path={Path.Combine(folder.FullName, "data")}",
                     $"--web.listen-address=127.0.0.1:{port}",
                 })
            start.ArgumentList.Add(argument);
        using var prometheus = Process.Start(start)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        prometheus.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        prometheus.BeginErrorReadLine();
        prometheus.BeginOutputReadLine();
        try
        {
            using var query = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var expected = services.Select(s => s.Name).Append("gateway").Order().ToList();
            var up = new Dictionary<string, double>();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    up = await VectorAsync(query, "up");
                    if (expected.All(s => up.GetValueOrDefault(s) == 1)) break;
                }
                catch (HttpRequestException)
                {
                    // Prometheus is not listening yet.
                }
                await Task.Delay(1000);
            }
            Assert.True(expected.All(s => up.GetValueOrDefault(s) == 1),
                $"targets up: {string.Join(", ", up.Select(u => $"{u.Key}={u.Value}"))}; prometheus said:\n{string.Join("\n", log.TakeLast(20))}");

            var calls = await VectorAsync(query, "sum by (service) (llmlab_llm_calls_total)");
            Assert.True(calls.GetValueOrDefault("llm-integration") >= 1, $"llmlab_llm_calls_total: {JsonSerializer.Serialize(calls)}");
            var requests = await VectorAsync(query, "sum by (service) (http_server_request_duration_seconds_count)");
            Assert.True(requests.GetValueOrDefault("gateway") > 0, $"the gateway's request histogram: {JsonSerializer.Serialize(requests)}");
            var runtime = await VectorAsync(query, "count by (service) ({__name__=~\"dotnet_.+\"})");
            Assert.All(expected, s => Assert.True(runtime.GetValueOrDefault(s) > 0, $"{s} reports no .NET runtime metrics: {JsonSerializer.Serialize(runtime)}"));
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>An instant query's result as value by the "service" label.</summary>
    private static async Task<Dictionary<string, double>> VectorAsync(HttpClient prometheus, string promql)
    {
        using var response = await prometheus.GetAsync($"/api/v1/query?query={Uri.EscapeDataString(promql)}");
        if (!response.IsSuccessStatusCode) return [];
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
            .Where(r => r.GetProperty("metric").TryGetProperty("service", out _))
            .GroupBy(r => r.GetProperty("metric").GetProperty("service").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(r => double.Parse(r.GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
