using LlmLab.Bench;

// Benchmarks that print figures (medians of repeated rounds, measured in one run). Usage:
//   dotnet run -c Release --project bench/LlmLab.Bench -- [quality|engine|llm|all]
var which = args.FirstOrDefault() ?? "all";
if (which is "quality" or "all") await QualityBench.RunAsync();
if (which is "engine" or "all") EngineBench.Run();
if (which is "llm" or "all") await LlmBench.RunAsync();
