namespace LlmLab.Bench.Platform.Operations;

/// <summary>
/// A long run of zero-latency calls with the PSS of every platform process (PostgreSQL, RabbitMQ and Redis included)
/// sampled every 5 s: start, max, end and the slope, over the whole soak and over its second half.
/// </summary>
public static class SoakBench
{
    public static async Task RunAsync(RunningPlatform platform, int calls)
    {
        var processes = new PlatformProcesses(platform.AppHostPid, platform.Resources);
        Console.WriteLine($"== Soak: {calls:N0} zero-latency calls in runs of ≤ 10,000, PSS of all {processes.Count()} platform processes every 5 s (load average {PlatformProcesses.LoadAverage()})");
        ThroughputBench.PrintPssByProcess("at the start", platform);
        using var sampler = PssSampler.Start(processes.PssMiB, TimeSpan.FromSeconds(5));
        var runs = new List<string>();
        for (var done = 0; done < calls;)
        {
            var size = Math.Min(10_000, calls - done);
            var (rate, status, seconds) = await BenchRun.RunAsync(platform, "bench-zero", size);
            runs.Add($"{size:N0} calls {status} in {seconds:0} s ({rate:0}/s)");
            done += size;
        }
        var samples = await sampler.StopAsync();
        var secondHalf = samples.Skip(samples.Count / 2).ToList();
        MarkdownTable.Print(["calls", "samples (every 5 s)", "PSS start / max / end MiB", "slope MiB/min (whole / second half)", "runs", "load average after"],
        [
            [
                $"{calls:N0}", $"{samples.Count} over {samples[^1].Seconds:0} s",
                $"{samples[0].MiB:0} / {samples.Max(s => s.MiB):0} / {samples[^1].MiB:0}",
                $"{MemoryTrend.MiBPerMinute(samples):+0.0;-0.0} / {MemoryTrend.MiBPerMinute(secondHalf):+0.0;-0.0}",
                string.Join("; ", runs), PlatformProcesses.LoadAverage(),
            ],
        ]);
        ThroughputBench.PrintPssByProcess("at the end", platform);
    }
}
