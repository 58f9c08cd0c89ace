using LlmLab.LlmIntegration.Providers.Local;

namespace LlmLab.UnitTests.LocalEngine;

public class LocalEngineTests
{
    private static readonly LocalLanguageModel Model = LocalLanguageModel.FromEmbeddedCorpus();
    private const string Prompt = "Explain how rain forms in clouds.";

    private static (string Text, GenerationOutcome Outcome) Generate(int seed, double temperature = 1.0, double topP = 1.0, int maxTokens = 60, IReadOnlyList<string>? stop = null)
    {
        var outcome = new GenerationOutcome();
        var text = string.Concat(new LlmLab.LlmIntegration.Providers.Local.LocalEngine(Model)
            .Generate(Prompt, new SamplingSettings(temperature, topP), maxTokens, stop ?? [], seed, outcome));
        return (text, outcome);
    }

    private static int DistinctOutputs(double temperature, double topP) =>
        Enumerable.Range(1, 20).Select(seed => Generate(seed, temperature, topP, maxTokens: 25).Text).Distinct().Count();

    [Fact]
    public void The_same_seed_gives_the_same_text()
    {
        Assert.Equal(Generate(seed: 42).Text, Generate(seed: 42).Text);
        Assert.NotEqual(Generate(seed: 42).Text, Generate(seed: 43).Text);
    }

    [Fact]
    public void Output_is_prose_from_the_model_not_the_prompt_echoed()
    {
        var (text, _) = Generate(seed: 1, maxTokens: 80);
        Assert.True(LocalTokenizer.Count(text) >= 10, text);
        Assert.NotEqual(Prompt, text.Trim());
    }

    [Fact]
    public void Distinct_outputs_widen_as_temperature_rises()
    {
        var greedy = DistinctOutputs(0, 1);
        var warm = DistinctOutputs(0.7, 1);
        var hot = DistinctOutputs(1.5, 1);

        Assert.Equal(1, greedy);
        Assert.True(warm > greedy, $"warm {warm}");
        Assert.True(hot >= warm, $"hot {hot} warm {warm}");
        Assert.True(hot >= 15, $"hot {hot}");
    }

    [Fact]
    public void Distinct_outputs_narrow_as_top_p_falls()
    {
        var narrow = DistinctOutputs(1.0, 0.05);
        var wide = DistinctOutputs(1.0, 1.0);
        Assert.True(narrow < wide, $"top_p 0.05 gave {narrow}, top_p 1 gave {wide}");
    }

    [Fact]
    public void Max_tokens_bounds_the_output_and_reports_length()
    {
        var (text, outcome) = Generate(seed: 9, temperature: 0.8, maxTokens: 12);
        Assert.Equal("length", outcome.Reason);
        Assert.Equal(12, outcome.CompletionTokens);
        Assert.Equal(12, LocalTokenizer.Count(text));
    }

    [Fact]
    public void A_stop_sequence_ends_the_output_before_it()
    {
        var (text, outcome) = Generate(seed: 5, temperature: 0.5, maxTokens: 200, stop: ["."]);
        Assert.Equal("stop", outcome.Reason);
        Assert.DoesNotContain(".", text, StringComparison.Ordinal);
        Assert.NotEmpty(text.Trim());
    }
}
