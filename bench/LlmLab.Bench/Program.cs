using LlmLab.Bench;

// Benchmarks that print figures (medians of repeated rounds, measured in one run). Usage:
//   dotnet run -c Release --project bench/LlmLab.Bench -- [quality|engine|llm|throughput|e2e|export|analytics|platform|all] [--long-calls N] [--quick]
// throughput, e2e, export, analytics and platform (all of them) start the real AppHost from the Release build.
var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var longCallsAt = Array.IndexOf(args, "--long-calls");
var longCalls = longCallsAt >= 0 && longCallsAt + 1 < args.Length ? int.Parse(args[longCallsAt + 1]) : 100_000;
if (which is "quality" or "all") await QualityBench.RunAsync();
if (which is "engine" or "all") EngineBench.Run();
if (which is "llm" or "all") await LlmBench.RunAsync();
if (which is "throughput" or "e2e" or "export" or "analytics" or "platform" or "all")
    await LlmLab.Bench.Platform.PlatformBench.RunAsync(which == "all" ? "platform" : which, longCalls, args.Contains("--quick"));
