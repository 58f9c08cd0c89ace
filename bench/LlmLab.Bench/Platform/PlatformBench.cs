namespace LlmLab.Bench.Platform;

/// <summary>The benchmarks that need the whole platform: one AppHost run for all of them.</summary>
public static class PlatformBench
{
    public static async Task RunAsync(string which)
    {
        // Worker and provider concurrency 64, as the figures' limit assumes (64 / 0.2 s = 320 calls/s).
        await using var platform = await RunningPlatform.StartAsync("Batch__WorkerConcurrency=64", "Messaging__PrefetchCount=64");
        if (which is "e2e" or "platform") await EndToEndBench.RunAsync(platform);
        if (which is "export" or "platform") await ExportBench.RunAsync(platform);
        if (which is "analytics" or "platform") await AnalyticsBench.RunAsync(platform);
        if (which is "knowledge" or "platform") await KnowledgeBench.RunAsync(platform);
    }
}
