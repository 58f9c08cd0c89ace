using LlmLab.Bench;

// Benchmarks that print figures (medians of repeated rounds, measured in one run). Usage:
//   dotnet run -c Release --project bench/LlmLab.Bench -- [quality|engine|llm|e2e|export|analytics|platform|training|all]
// e2e, export, analytics and platform (all three) start the real AppHost from the Release build.
var which = args.FirstOrDefault() ?? "all";
if (which is "quality" or "all") await QualityBench.RunAsync();
if (which is "engine" or "all") EngineBench.Run();
if (which is "llm" or "all") await LlmBench.RunAsync();
if (which is "e2e" or "export" or "analytics" or "platform" or "all") await LlmLab.Bench.Platform.PlatformBench.RunAsync(which == "all" ? "platform" : which);
if (which is "training" or "all") await TrainingBench.RunAsync();
