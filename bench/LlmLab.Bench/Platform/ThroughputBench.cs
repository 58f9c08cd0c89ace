using LlmLab.TestKit;

namespace LlmLab.Bench.Platform;

/// <summary>
/// Calls per second through the gateway (gateway → batch → RabbitMQ → llm-integration → provider → quality →
/// PostgreSQL → analytics) against an OpenAI-compatible test server, with a bare HTTP client against the same server in
/// the same run as the reference; the platform's CPU per call at zero latency; the first run after start against the
/// steady rate; the memory of every platform process over a long run. Runs of the platform and of the bare client
/// alternate, so both see the same load of the machine.
/// </summary>
public static class ThroughputBench
{
    private const int Rounds = 3;

    /// <summary>--quick: runs of 1,000 calls (2,000 at C=256) instead of 5,000 (10,000), for a machine too busy for the full bench.</summary>
    public static async Task RunAsync(RunningPlatform platform, FakeOpenAiServer server, int longCalls, bool quick)
    {
        var calls = quick ? 1_000 : 5_000;
        var processes = new PlatformProcesses(platform.AppHostPid, platform.Resources);
        Console.WriteLine($"== Throughput through the gateway against an OpenAI-compatible test server ({Environment.ProcessorCount} cores; load average {PlatformProcesses.LoadAverage()})");

        // The first run after start, with no warm-up before it.
        var (firstRate, firstStatus, _) = await BenchRun.RunAsync(platform, "bench-c64", calls);
        Console.WriteLine($"   first run after start: C=64, 200 ms, {calls:N0} calls, {firstStatus}: {firstRate:0} calls/s");

        var steady = await CompareAsync(platform, server, "bench-c64", 64, calls);
        Console.WriteLine($"   first run / steady median = {firstRate / steady:P0} (target ≥ 80 %)");
        await CompareAsync(platform, server, "bench-c256", 256, calls * 2);

        await CpuPerCallAsync(platform, processes, calls);
        await MemoryAsync(platform, processes, longCalls);
    }

    /// <summary>Only the first-run figure: the first run after start against the median of three platform runs right after it.</summary>
    public static async Task FirstRunAsync(RunningPlatform platform, int calls)
    {
        Console.WriteLine($"-- first run after start against the steady rate, C=64, 200 ms, {calls:N0} calls (load average {PlatformProcesses.LoadAverage()})");
        var processes = new PlatformProcesses(platform.AppHostPid, platform.Resources);
        var resources = platform.Resources().ToList();
        // CPU seconds per process over each run: what the first run spends that a steady one does not (JIT, pools).
        async Task<(double Rate, string Status, string Cpu)> MeasuredRunAsync()
        {
            var before = processes.CpuSecondsBy(resources);
            var (rate, status, _) = await BenchRun.RunAsync(platform, "bench-c64", calls);
            var spent = processes.CpuSecondsBy(resources).Select(p => (p.Key, Seconds: p.Value - before[p.Key])).OrderByDescending(p => p.Seconds);
            return (rate, status, string.Join(", ", spent.Where(p => p.Seconds >= 0.05).Select(p => $"{p.Key} {p.Seconds:0.0}")));
        }

        var (firstRate, firstStatus, firstCpu) = await MeasuredRunAsync();
        Console.WriteLine($"   first run: {firstRate:0} calls/s ({firstStatus}, load average {PlatformProcesses.LoadAverage()})");
        Console.WriteLine($"      CPU s: {firstCpu}");
        var steady = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var (rate, status, cpu) = await MeasuredRunAsync();
            steady.Add(rate);
            Console.WriteLine($"   run {round + 2}: {rate:0} calls/s ({status}, load average {PlatformProcesses.LoadAverage()})");
            Console.WriteLine($"      CPU s: {cpu}");
        }
        Console.WriteLine($"   first run / steady median ({EndToEndBench.Median(steady):0}/s) = {firstRate / EndToEndBench.Median(steady):P0} (target ≥ 80 %)");
    }

    /// <summary>The platform's CPU per call at zero latency, summed over all its processes and per process; medians of 3 rounds.</summary>
    public static async Task CpuPerCallAsync(RunningPlatform platform, PlatformProcesses processes, int calls)
    {
        Console.WriteLine($"-- zero latency, C=64: the platform's CPU per call, summed over its {processes.Count()} processes (PostgreSQL, RabbitMQ, Redis included)");
        var cpuPerCall = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var resources = platform.Resources();
            var before = processes.CpuSeconds();
            var beforeBy = processes.CpuSecondsBy(resources);
            var (rate, status, _) = await BenchRun.RunAsync(platform, "bench-zero", calls);
            await Task.Delay(2000); // analytics takes the last chunks' events
            var cpu = (processes.CpuSeconds() - before) * 1000 / calls;
            var by = processes.CpuSecondsBy(resources).Select(p => (p.Key, Ms: (p.Value - beforeBy[p.Key]) * 1000 / calls)).OrderByDescending(p => p.Ms);
            cpuPerCall.Add(cpu);
            Console.WriteLine($"   {calls:N0} calls, {status}: {rate:0} calls/s, {cpu:0.00} ms CPU per call (load average {PlatformProcesses.LoadAverage()})");
            // What no resource's subtree holds is the AppHost's own time (its dashboard's OTLP receiver among it).
            var appHost = cpu - by.Sum(p => p.Ms);
            Console.WriteLine($"      per process: {string.Join(", ", by.Select(p => $"{p.Key} {p.Ms:0.00}"))}, apphost {appHost:0.00}");
        }
        Console.WriteLine($"   median {EndToEndBench.Median(cpuPerCall):0.00} ms CPU per call (target ≤ 2.5 ms)");

    }

    /// <summary>Alternates bare-client and platform runs; prints both medians and their ratios; answers the platform's median.</summary>
    private static async Task<double> CompareAsync(RunningPlatform platform, FakeOpenAiServer server, string provider, int concurrency, int calls)
    {
        var limit = concurrency / BenchProviders.Latency.TotalSeconds;
        Console.WriteLine($"-- C={concurrency}, 200 ms, {calls:N0} calls (limit C/latency = {limit:0}/s)");
        var bare = new List<double>();
        var lab = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var reference = await BareClient.CallsPerSecondAsync(server, provider, calls, concurrency);
            bare.Add(reference);
            var (rate, status, _) = await BenchRun.RunAsync(platform, provider, calls);
            lab.Add(rate);
            Console.WriteLine($"   round {round + 1}: bare client {reference:0}/s, platform {rate:0}/s ({status}) = {rate / reference:P0} of bare (load average {PlatformProcesses.LoadAverage()})");
        }
        var (bareMedian, labMedian) = (EndToEndBench.Median(bare), EndToEndBench.Median(lab));
        Console.WriteLine($"   median: platform {labMedian:0} calls/s = {labMedian / limit:P0} of the limit, {labMedian / bareMedian:P0} of the bare client ({bareMedian:0}/s)");
        return labMedian;
    }

    /// <summary>PSS of every platform process, sampled every 2 s over runs of 10,000 zero-latency calls in a row.</summary>
    public static async Task MemoryAsync(RunningPlatform platform, PlatformProcesses processes, int calls)
    {
        Console.WriteLine($"-- memory (PSS, all platform processes) over {calls:N0} calls at zero latency");
        PrintPssByProcess("at the start", platform);
        var byProcess = new List<Dictionary<string, double>>();
        using var sampler = Operations.PssSampler.Start(() =>
        {
            var by = processes.PssMiBByWithAppHost();
            byProcess.Add(by);
            return by.Values.Sum();
        }, TimeSpan.FromSeconds(2));
        var done = 0;
        while (done < calls)
        {
            var size = Math.Min(10_000, calls - done);
            await BenchRun.RunAsync(platform, "bench-zero", size);
            var quarter = Math.Max(10_000, calls / 4);
            if ((done + size) / quarter > done / quarter && done + size < calls) PrintPssByProcess($"after {done + size:N0} calls", platform);
            done += size;
        }
        var samples = await sampler.StopAsync();
        var tenth = Math.Max(1, samples.Count / 10);
        var shown = samples.Where((_, i) => i % tenth == 0).Append(samples[^1]).Distinct();
        Console.WriteLine($"   {string.Join(", ", shown.Select(s => $"{s.Seconds:0}s {s.MiB:0} MiB"))}");
        var firstHalf = samples.Take(samples.Count / 2).Select(s => s.MiB).DefaultIfEmpty(0).Max();
        var secondHalf = samples.Skip(samples.Count / 2).Select(s => s.MiB).DefaultIfEmpty(0).Max();
        Console.WriteLine($"   max {samples.Max(s => s.MiB):0} MiB (target ≤ 1,536); max of the first half {firstHalf:0} MiB, of the second half {secondHalf:0} MiB");
        var lastHalf = samples.Skip(samples.Count / 2).ToList();
        Console.WriteLine($"   slope {Operations.MemoryTrend.Describe(samples)} over the whole run, {Operations.MemoryTrend.Describe(lastHalf)} over its second half");
        PrintPssByProcess("at the end", platform);
        PrintSecondHalfByProcess(samples, byProcess);
    }

    /// <summary>Which processes the second half's trend comes from: each one's slope, lowest and highest PSS there.</summary>
    private static void PrintSecondHalfByProcess(List<(double Seconds, double MiB)> samples, List<Dictionary<string, double>> byProcess)
    {
        var half = samples.Count / 2;
        var rows = byProcess[0].Keys.Select(name =>
        {
            var series = samples.Zip(byProcess).Skip(half).Select(p => (p.First.Seconds, MiB: p.Second.GetValueOrDefault(name))).ToList();
            return (Name: name, Slope: Operations.MemoryTrend.MiBPerMinute(series), Low: series.Min(s => s.MiB), High: series.Max(s => s.MiB));
        }).OrderByDescending(r => r.Slope);
        Console.WriteLine($"      second half by process (slope MiB/min, lowest–highest MiB): {string.Join(", ", rows.Select(r => $"{r.Name} {r.Slope:+0.0;-0.0;0.0} ({r.Low:0}–{r.High:0})"))}");
    }

    public static void PrintPssByProcess(string when, RunningPlatform platform) =>
        Console.WriteLine($"      per process {when} (MiB): {string.Join(", ", PlatformProcesses.PssMiBBy(platform.Resources()).OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:0}"))}");
}
