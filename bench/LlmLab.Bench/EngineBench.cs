using System.Diagnostics;
using LlmLab.LlmIntegration.Providers.Local;

namespace LlmLab.Bench;

/// <summary>The local engine's generation speed in tokens per second (one thread).</summary>
public static class EngineBench
{
    public static void Run()
    {
        var model = LocalLanguageModel.FromEmbeddedCorpus();
        var rates = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var tokens = 0;
            var watch = Stopwatch.StartNew();
            for (var seed = 0; watch.Elapsed < TimeSpan.FromSeconds(2); seed++)
            {
                var outcome = new GenerationOutcome();
                foreach (var _ in new LocalEngine(model).Generate(Texts.Prompt, new SamplingSettings(0.8, 0.95), 256, [], seed, outcome)) { }
                tokens += outcome.CompletionTokens;
            }
            rates.Add(tokens / watch.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"local engine: median {Texts.Median(rates):F0} tokens/s on one core (rounds: {string.Join(", ", rates.Select(r => r.ToString("F0")))})");
    }
}
