using LlmLab.Bench;

// Benchmarks that print figures (medians of repeated rounds, measured in one run). Usage:
//   dotnet run -c Release --project bench/LlmLab.Bench -- [quality|reference|engine|llm|optimisation|throughput|e2e|export|analytics|knowledge|platform|training|all] [--long-calls N] [--quick]
//   dotnet run -c Release --project bench/LlmLab.Bench -- evaluation [sample=50] [--rag] [--gateway=URL --key=KEY]
//   dotnet run -c Release --project bench/LlmLab.Bench -- retrieval [--gateway=URL --key=KEY]
//   dotnet run -c Release --project bench/LlmLab.Bench -- feedback   (calibration agreement before/after; webhook delivery latency and retries)
// evaluation is the method × dataset matrix, retrieval the knowledge base on the shipped articles and questions (neither
// is part of all); without --gateway they start the AppHost themselves.
// throughput, e2e, export, analytics, knowledge and platform (all of them) start the real AppHost from the Release build.
//   dotnet run -c Release --project bench/LlmLab.Bench -- analytics [--rows 1000000]   (every analytics view over N scored responses)
//   dotnet run -c Release --project bench/LlmLab.Bench -- memory [--long-calls N] [--env KEY=VALUE ...] [--apphost KEY=VALUE ...]
//   dotnet run -c Release --project bench/LlmLab.Bench -- cpu [--quick] [--env …] [--apphost …]
//   dotnet run -c Release --project bench/LlmLab.Bench -- firstrun [--quick] [--env …] [--apphost …]   (first run after start / steady)
//     (memory: PSS over a long run, per process; cpu: CPU per call at zero latency; --env sets a variable in every
//     service, --apphost an AppHost setting such as Dashboard:Enabled=false)
//   dotnet run -c Release --project bench/LlmLab.Bench -- operations [--quick] [--only sse|api|soak|chaos|replicas]... [--chaos-runs N]
//     (issue 16's figures: API latency through the gateway and direct, 1,000 SSE clients, a soak, chaos, 1 vs 2 batch replicas)
var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var longCallsAt = Array.IndexOf(args, "--long-calls");
var longCalls = longCallsAt >= 0 && longCallsAt + 1 < args.Length ? int.Parse(args[longCallsAt + 1]) : 100_000;
var rowsAt = Array.IndexOf(args, "--rows");
var appHostSettings = args.Select((a, i) => (a, i)).Where(p => p.a == "--apphost" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToList();
var serviceEnvironment = args.Select((a, i) => (a, i)).Where(p => p.a == "--env" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToList();
var analyticsRows = rowsAt >= 0 && rowsAt + 1 < args.Length ? int.Parse(args[rowsAt + 1]) : LlmLab.Bench.Platform.AnalyticsBench.DefaultRows;
if (which is "quality" or "all") await QualityBench.RunAsync();
if (which is "reference" or "all") ReferenceMetricsBench.Run();
if (which is "engine" or "all") EngineBench.Run();
if (which is "llm" or "all") await LlmBench.RunAsync();
if (which is "optimisation" or "all") LlmLab.Bench.Optimisation.OptimisationBench.Run();
if (which is "throughput" or "memory" or "cpu" or "firstrun" or "e2e" or "export" or "analytics" or "knowledge" or "platform" or "all")
    await LlmLab.Bench.Platform.PlatformBench.RunAsync(which == "all" ? "platform" : which, longCalls, args.Contains("--quick"), analyticsRows, serviceEnvironment, appHostSettings);
if (which == "evaluation")
{
    var sample = args.Skip(1).Select(a => int.TryParse(a, out var n) ? n : 0).FirstOrDefault(n => n > 0, 50);
    var rag = args.Contains("--rag");
    await OnPlatformAsync(client => LlmLab.Bench.Platform.EvaluationMatrixBench.RunAsync(client, sample, rag));
}
if (which == "retrieval") await OnPlatformAsync(LlmLab.Bench.Platform.RetrievalQualityBench.RunAsync);
if (which == "feedback")
{
    await using var platform = await LlmLab.Bench.Platform.RunningPlatform.StartAsync(LlmLab.Bench.Platform.FeedbackBench.ServiceEnvironment, appHostSettings);
    await LlmLab.Bench.Platform.FeedbackBench.RunAsync(platform);
}
if (which is "training" or "all") await TrainingBench.RunAsync();
if (which == "operations")
{
    var sizes = args.Contains("--quick") ? LlmLab.Bench.Platform.Operations.OperationsSizes.Quick : LlmLab.Bench.Platform.Operations.OperationsSizes.Full;
    var chaosRunsAt = Array.IndexOf(args, "--chaos-runs");
    if (chaosRunsAt >= 0 && chaosRunsAt + 1 < args.Length) sizes = sizes with { ChaosRuns = int.Parse(args[chaosRunsAt + 1]) };
    var only = args.Select((a, i) => (a, i)).Where(p => p.a == "--only" && p.i + 1 < args.Length).Select(p => args[p.i + 1]).ToList();
    if (only.FirstOrDefault(o => !LlmLab.Bench.Platform.Operations.OperationsBench.Sections.Contains(o)) is { } unknown)
        throw new ArgumentException($"--only: '{unknown}' is not one of {string.Join(", ", LlmLab.Bench.Platform.Operations.OperationsBench.Sections)}.");
    await LlmLab.Bench.Platform.Operations.OperationsBench.RunAsync(sizes, only, appHostSettings);
}

// Runs a benchmark against --gateway (with --key), or against an AppHost it starts and stops.
async Task OnPlatformAsync(Func<HttpClient, Task> bench)
{
    var gateway = args.FirstOrDefault(a => a.StartsWith("--gateway=", StringComparison.Ordinal))?["--gateway=".Length..];
    if (gateway is null)
    {
        await using var platform = await LlmLab.Bench.Platform.RunningPlatform.StartAsync();
        await bench(platform.Client);
        return;
    }
    using var client = new HttpClient { BaseAddress = new Uri(gateway), Timeout = TimeSpan.FromMinutes(10) };
    client.DefaultRequestHeaders.Add("X-Api-Key", args.FirstOrDefault(a => a.StartsWith("--key=", StringComparison.Ordinal))?["--key=".Length..] ?? "llmlab-dev-key");
    await bench(client);
}
