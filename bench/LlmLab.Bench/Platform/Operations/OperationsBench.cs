using LlmLab.TestKit;

namespace LlmLab.Bench.Platform.Operations;

/// <summary>
/// The operators' figures (issue 16): API latency through the gateway and direct, SSE fan-out, a soak, chaos, and 1 vs 2
/// batch replicas. One platform for all but the 2-replica figure, which starts a second one after the first has stopped.
/// </summary>
public static class OperationsBench
{
    public static readonly string[] Sections = ["sse", "api", "soak", "chaos", "replicas"];

    public static async Task RunAsync(OperationsSizes sizes, IReadOnlyCollection<string> only, IEnumerable<string> appHostSettings)
    {
        bool Wanted(string section) => only.Count == 0 || only.Contains(section);
        Console.WriteLine($"# Operations bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {PlatformProcesses.LoadAverage()}");
        Console.WriteLine($"   sizes: {sizes}");
        await using var server = await FakeOpenAiServer.StartAsync(RunningPlatform.FreePort());
        // Worker concurrency 256: the providers' own limits (64, 256) bound the calls in flight, not one batch process.
        const int worker = 256;
        IReadOnlyList<string>? oneReplica = null;
        await using (var platform = await PlatformBench.StartAsync(server, worker, appHostSettings: appHostSettings))
        {
            Guid? run = null;
            if (Wanted("sse")) run = await SseFanOutBench.RunAsync(platform, sizes.SseClients, sizes.SseCalls);
            if (Wanted("api"))
            {
                if (run is null)
                {
                    run = await BenchRun.CreateAsync(platform, "bench-zero", 1000);
                    await BenchRun.StartAsync(platform, run.Value);
                    await BenchRun.WaitAsync(platform, run.Value);
                }
                await ApiLatencyBench.RunAsync(platform, run.Value, sizes.ApiDuration);
            }
            if (Wanted("soak")) await SoakBench.RunAsync(platform, sizes.SoakCalls);
            if (Wanted("chaos")) await ChaosBench.RunAsync(platform, sizes.ChaosRuns, sizes.ChaosCalls, sizes.KillEvery);
            if (Wanted("replicas"))
            {
                Console.WriteLine($"== 1 vs 2 batch replicas: {ReplicasBench.Provider} (C=256, 200 ms; limit 1,280 calls/s), worker concurrency {worker} per replica");
                oneReplica = await ReplicasBench.MeasureAsync(platform, 1, sizes.ReplicaRounds, sizes.ReplicaCalls);
            }
        }
        if (oneReplica is null) return;
        await using (var platform = await PlatformBench.StartAsync(server, worker, appHostSettings: [.. appHostSettings, "Replicas=batch=2"]))
        {
            var replicas = platform.Resources().Count(r => r.Name is "batch" or "batch-2");
            if (replicas != 2) throw new InvalidOperationException($"Expected 2 batch processes, the AppHost runs {replicas}.");
            var twoReplicas = await ReplicasBench.MeasureAsync(platform, 2, sizes.ReplicaRounds, sizes.ReplicaCalls);
            ReplicasBench.Print([oneReplica, twoReplicas]);
        }
    }
}
