using LlmLab.TestKit;

namespace LlmLab.Bench.Platform;

/// <summary>The benchmarks that need the whole platform: one AppHost run for all of them.</summary>
public static class PlatformBench
{
    /// <param name="appHostSettings">AppHost settings (--apphost), e.g. Dashboard:Enabled=false.</param>
    /// <param name="serviceEnvironment">Extra KEY=VALUE variables for every service (--env), to measure a setting's effect.</param>
    public static async Task RunAsync(string which, int longCalls, bool quick, int analyticsRows = AnalyticsBench.DefaultRows, IEnumerable<string>? serviceEnvironment = null,
        IEnumerable<string>? appHostSettings = null)
    {
        await using var server = await FakeOpenAiServer.StartAsync(RunningPlatform.FreePort());
        // Worker concurrency 64 for the simulated provider's figures (64 / 0.2 s = 320 calls/s); the throughput bench's
        // providers carry their own limits (64 and 256), which llm-integration enforces.
        var worker = which is "throughput" or "memory" or "cpu" or "firstrun" or "platform" ? 256 : 64;
        await using var platform = await StartAsync(server, worker, serviceEnvironment, appHostSettings);
        if (which == "cpu") await ThroughputBench.CpuPerCallAsync(platform, new PlatformProcesses(platform.AppHostPid, platform.Resources), quick ? 1_000 : 5_000);
        if (which == "firstrun") await ThroughputBench.FirstRunAsync(platform, quick ? 1_000 : 5_000);
        if (which == "memory") await ThroughputBench.MemoryAsync(platform, new PlatformProcesses(platform.AppHostPid, platform.Resources), longCalls);
        if (which is "throughput" or "platform") await ThroughputBench.RunAsync(platform, server, longCalls, quick);
        if (which is "e2e" or "platform") await EndToEndBench.RunAsync(platform);
        if (which is "export" or "platform") await ExportBench.RunAsync(platform);
        if (which is "analytics" or "platform") await AnalyticsBench.RunAsync(platform, analyticsRows);
        if (which is "knowledge" or "platform") await KnowledgeBench.RunAsync(platform);
    }

    /// <summary>The AppHost with the bench's providers (on <paramref name="server"/>) configured into llm-integration.</summary>
    public static Task<RunningPlatform> StartAsync(FakeOpenAiServer server, int workerConcurrency, IEnumerable<string>? serviceEnvironment = null,
        IEnumerable<string>? appHostSettings = null) =>
        RunningPlatform.StartAsync(
        [
            $"Batch__WorkerConcurrency={workerConcurrency}", "Messaging__PrefetchCount=64",
            .. BenchProviders.Configuration(server),
            .. serviceEnvironment ?? [],
        ], appHostSettings);
}
