namespace LlmLab.Bench.Platform.Operations;

/// <summary>The same run (provider concurrency 256, 200 ms) on one platform with 1 batch replica and then on one with 2.</summary>
public static class ReplicasBench
{
    public const string Provider = "bench-c256";

    /// <summary>One warm-up run, then <paramref name="rounds"/> measured; answers the row for the table.</summary>
    public static async Task<IReadOnlyList<string>> MeasureAsync(RunningPlatform platform, int replicas, int rounds, int calls)
    {
        await BenchRun.RunAsync(platform, Provider, 1000);
        var rates = new List<double>();
        var loads = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            var (rate, status, seconds) = await BenchRun.RunAsync(platform, Provider, calls);
            rates.Add(rate);
            loads.Add(PlatformProcesses.LoadAverage());
            Console.WriteLine($"   batch ×{replicas}, round {round + 1}: {calls:N0} calls {status} in {seconds:0.0} s = {rate:0} calls/s (load average {loads[^1]})");
        }
        return [$"{replicas}", $"{rounds} × {calls:N0}", string.Join(", ", rates.Select(r => $"{r:0}")), $"{EndToEndBench.Median(rates):0}", string.Join("; ", loads)];
    }

    public static void Print(IEnumerable<IReadOnlyList<string>> rows) =>
        MarkdownTable.Print(["batch replicas", "runs", "calls/s per run", "median calls/s", "load average after each"], rows);
}
