using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;
using LlmLab.ServiceKit.Statistics;

namespace LlmLab.Bench.Platform.Operations;

/// <summary>
/// Latency of a mix of GET reads at a fixed 200 requests/s (open loop), through the gateway and straight to each
/// service's own port with the signed identity header the gateway would add; the gateway's overhead as a ratio.
/// Gateway and direct blocks alternate (G, D, G, D) so both see the same load of the machine.
/// </summary>
public static class ApiLatencyBench
{
    private const double RequestsPerSecond = 200;
    private const int Blocks = 4;
    private static readonly TimeSpan LateAfter = TimeSpan.FromMilliseconds(10);

    private sealed record Read(string Name, string Service, string Path);

    private sealed record Sample(int Read, double Milliseconds, int Status);

    public static async Task RunAsync(RunningPlatform platform, Guid runId, TimeSpan duration)
    {
        Read[] candidates =
        [
            new("runs list", "batch", "/api/experiments/batch"),
            new("run status", "batch", $"/api/experiments/batch/{runId}/status"),
            new("run details", "batch", $"/api/experiments/batch/{runId}"),
            // A batch run made without an experiment has no /api/responses/{experimentId} listing; its results are its completed items.
            new("results page", "batch", $"/api/experiments/batch/{runId}/items?status=completed&page=2&page_size=50"),
            new("experiments list", "experiments", "/api/experiments"),
            new("quality breakdown", "analytics", "/api/analytics/quality/breakdown"),
            new("models comparison", "analytics", "/api/analytics/models/comparison"),
            new("models", "llm-integration", "/api/llm/models"),
        ];
        // The caller the gateway makes of the bench's configured key (BootstrapKeys): tenant dev, admin, internal tier.
        var caller = new CallerIdentity(RunningPlatform.Tenant, $"key:{RunningPlatform.Tenant}", Roles.Admin, TierLimits.Internal);
        using var direct = new HttpClient(SigningHandler.For(platform.InternalTokenKey(), caller)) { Timeout = TimeSpan.FromSeconds(30) };
        var serviceUrls = candidates.Select(r => r.Service).Distinct().ToDictionary(s => s, platform.ServiceUrl);
        Uri Direct(Read read) => new(serviceUrls[read.Service], read.Path);
        Uri Gateway(Read read) => new(platform.Client.BaseAddress!, read.Path);

        // Every read once each way: a wrong path or a refused identity is left out and said, not timed as a fast 4xx.
        var reads = new List<Read>();
        foreach (var read in candidates)
        {
            var refused = new List<string>();
            foreach (var (way, client, url) in new[] { ("gateway", platform.Client, Gateway(read)), ("direct", direct, Direct(read)) })
            {
                using var response = await client.GetAsync(url);
                if (!response.IsSuccessStatusCode) refused.Add($"{way} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            if (refused.Count == 0) reads.Add(read);
            else Console.WriteLine($"   left out {read.Name}: {string.Join("; ", refused)}");
        }
        if (reads.Count == 0) throw new InvalidOperationException("Every read was refused.");

        Console.WriteLine($"== API latency: {reads.Count} GET reads in turn, open loop at {RequestsPerSecond:0} requests/s, {Blocks} alternating blocks of {duration.TotalSeconds / Blocks:0} s per way (load average {PlatformProcesses.LoadAverage()})");
        var perBlock = (int)(RequestsPerSecond * duration.TotalSeconds / Blocks);
        // Warm-up, not measured: connection pools, JIT of every endpoint on both paths.
        await BlockAsync(platform.Client, reads, Gateway, (int)RequestsPerSecond * 2);
        await BlockAsync(direct, reads, Direct, (int)RequestsPerSecond * 2);
        var gateway = new List<Sample>();
        var straight = new List<Sample>();
        var late = new Dictionary<string, int> { ["gateway"] = 0, ["direct"] = 0 };
        var loads = new List<string>();
        for (var block = 0; block < Blocks; block++)
        {
            var throughGateway = block % 2 == 0;
            var result = throughGateway
                ? await BlockAsync(platform.Client, reads, Gateway, perBlock)
                : await BlockAsync(direct, reads, Direct, perBlock);
            (throughGateway ? gateway : straight).AddRange(result.Answers);
            late[throughGateway ? "gateway" : "direct"] += result.LateSends;
            loads.Add(PlatformProcesses.LoadAverage());
            Console.WriteLine($"   block {block + 1} ({(throughGateway ? "gateway" : "direct")}): {result.Answers.Count} requests in {result.Elapsed.TotalSeconds:0.0} s, {result.LateSends} sent > {LateAfter.TotalMilliseconds:0} ms late (max {result.MaxLateness.TotalMilliseconds:0} ms), load average {loads[^1]}");
        }

        var rows = new List<IReadOnlyList<string>>();
        for (var r = 0; r < reads.Count; r++)
        {
            var index = r;
            rows.Add(Row(reads[r].Name, gateway.Where(s => s.Read == index).ToList(), straight.Where(s => s.Read == index).ToList()));
        }
        rows.Add(Row("**all reads**", gateway, straight));
        MarkdownTable.Print(["read", "n (gateway / direct)", "gateway p50 / p95 / p99 ms", "direct p50 / p95 / p99 ms", "overhead p50 / p95 / p99 (gateway ÷ direct)", "errors (gateway / direct)"], rows);
        Console.WriteLine($"   late sends (> {LateAfter.TotalMilliseconds:0} ms after their time): gateway {late["gateway"]}, direct {late["direct"]}; load average after each block: {string.Join("; ", loads)}");
    }

    private static async Task<OpenLoopResult<Sample>> BlockAsync(HttpClient client, List<Read> reads, Func<Read, Uri> url, int count) =>
        await new OpenLoopLoad(RequestsPerSecond, count, LateAfter).RunAsync(i => SendAsync(client, i % reads.Count, url(reads[i % reads.Count])));

    private static async Task<Sample> SendAsync(HttpClient client, int read, Uri url)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
            return new Sample(read, watch.Elapsed.TotalMilliseconds, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new Sample(read, watch.Elapsed.TotalMilliseconds, 0);
        }
    }

    private static IReadOnlyList<string> Row(string name, List<Sample> gateway, List<Sample> direct)
    {
        var g = P50P95P99(gateway);
        var d = P50P95P99(direct);
        return
        [
            name, $"{gateway.Count:N0} / {direct.Count:N0}",
            $"{MarkdownTable.Ms(g[0])} / {MarkdownTable.Ms(g[1])} / {MarkdownTable.Ms(g[2])}",
            $"{MarkdownTable.Ms(d[0])} / {MarkdownTable.Ms(d[1])} / {MarkdownTable.Ms(d[2])}",
            $"{g[0] / d[0]:0.00} / {g[1] / d[1]:0.00} / {g[2] / d[2]:0.00}",
            $"{gateway.Count(s => s.Status is < 200 or >= 300)} / {direct.Count(s => s.Status is < 200 or >= 300)}",
        ];
    }

    /// <summary>p50, p95, p99 of the successful requests' latencies.</summary>
    private static double[] P50P95P99(List<Sample> samples)
    {
        var sorted = samples.Where(s => s.Status is >= 200 and < 300).Select(s => s.Milliseconds).Order().ToList();
        return [Percentiles.Of(sorted, 50), Percentiles.Of(sorted, 95), Percentiles.Of(sorted, 99)];
    }
}
