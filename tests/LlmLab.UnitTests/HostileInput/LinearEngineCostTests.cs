using System.Diagnostics;
using LlmLab.LlmIntegration.Pipeline;
using LlmLab.LlmIntegration.Providers.Local;

namespace LlmLab.UnitTests.HostileInput;

/// <summary>A million-character one-word prompt used to cost minutes (quadratic in the word's length); now it is linear and cancellable.</summary>
public class LinearEngineCostTests
{
    private static readonly LocalLanguageModel Model = LocalLanguageModel.FromEmbeddedCorpus();
    private static readonly string OneWord = new('a', 1_000_000);

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    [Fact]
    public void Tokens_are_bounded_in_length_so_a_huge_word_becomes_many_short_tokens()
    {
        var tokens = LocalTokenizer.Tokenize(OneWord);
        Assert.All(tokens, t => Assert.True(t.Length <= LocalTokenizer.MaxTokenLength));
        Assert.Equal(OneWord.Length, tokens.Sum(t => t.Length));
        Assert.Equal(["don't", "stop"], LocalTokenizer.Tokenize("don't stop"));
    }

    [Fact]
    public void Generating_from_a_million_character_word_takes_seconds_not_minutes()
    {
        var outcome = new GenerationOutcome();
        var elapsed = Time(() => _ = string.Concat(new LlmLab.LlmIntegration.Providers.Local.LocalEngine(Model)
            .Generate("the " + OneWord + " the " + OneWord, new SamplingSettings(1.0, 1.0), 256, ["zzz"], 7, outcome)));
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        Assert.True(outcome.CompletionTokens > 0);
    }

    [Fact]
    public void Counting_tokens_of_a_million_character_word_is_linear()
    {
        var counter = new TokenCounter();
        var small = Time(() => counter.Count(new string('b', 100_000)));
        var large = Time(() => counter.Count(new string('c', 1_000_000)));
        Assert.True(large < TimeSpan.FromSeconds(10), $"1M characters took {large}");
        // Quadratic would be ~100× the 100k time; linear is ~10× (generous bound for a shared machine).
        Assert.True(large < small * 40 + TimeSpan.FromSeconds(1), $"100k: {small}, 1M: {large}");
        Assert.InRange(counter.Count(OneWord), 1_000_000 / 64, 1_000_000);
    }

    [Fact]
    public void Ordinary_text_counts_as_before()
    {
        var counter = new TokenCounter();
        Assert.Equal(counter.Count("Explain how rain forms in clouds."), counter.Count("Explain how rain forms in clouds."));
        Assert.InRange(counter.Count("Explain how rain forms in clouds."), 6, 9);
    }

    [Fact]
    public void A_cancelled_caller_stops_generation_before_the_next_token()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var engine = new LlmLab.LlmIntegration.Providers.Local.LocalEngine(Model);
        Assert.Throws<OperationCanceledException>(() =>
            engine.Generate("Explain rain.", new SamplingSettings(1.0, 1.0), 32768, [], 1, new GenerationOutcome(), cancelled.Token).ToList());
    }

    [Fact]
    public void Stop_sequences_are_found_across_token_boundaries_when_searching_only_the_tail()
    {
        var full = string.Concat(new LlmLab.LlmIntegration.Providers.Local.LocalEngine(Model)
            .Generate("Explain how rain forms in clouds.", new SamplingSettings(0, 1.0), 60, [], 3, new GenerationOutcome()));
        // A whole word from the second half (a stop that spans tokens is found once complete, after its first tokens went out).
        var word = full[(full.Length / 2)..].Split(' ').Skip(1).First(w => w.Length >= 4 && w.All(char.IsLetter));
        var stop = " " + word;
        var cut = string.Concat(new LlmLab.LlmIntegration.Providers.Local.LocalEngine(Model)
            .Generate("Explain how rain forms in clouds.", new SamplingSettings(0, 1.0), 60, [stop], 3, new GenerationOutcome()));
        Assert.Equal(full[..full.IndexOf(stop, StringComparison.Ordinal)], cut);
    }
}

/// <summary>The reading and agent modes parse prompts with regexes and read contexts: hostile layouts stay linear.</summary>
public class LinearReadingCostTests
{
    [Theory]
    [InlineData("whitespace lines")]
    [InlineData("one long sentence")]
    [InlineData("many numbers")]
    [InlineData("many actions")]
    public void Hostile_prompts_are_read_in_well_under_a_second_per_megabyte(string shape)
    {
        var prompt = shape switch
        {
            "whitespace lines" => "Context:" + string.Concat(Enumerable.Repeat(" \n\t ", 250_000)) + "\nQuestion: " + new string(' ', 100_000) + "x",
            "one long sentence" => "Context: " + string.Concat(Enumerable.Repeat("iron symbol number 26 ", 50_000)) + "\nQuestion: What is the symbol number of iron?",
            "many numbers" => "Tools: calculator. Action: Observation:\nQuestion: " + string.Concat(Enumerable.Repeat("7 more and ", 100_000)),
            _ => "Tools: calculator, retrieve. Observation:\nQuestion: q\n" + string.Concat(Enumerable.Repeat("Action: retrieve[" + new string('a', 50) + "\nObservation: \n", 20_000)),
        };
        var watch = Stopwatch.StartNew();
        _ = LlmLab.LlmIntegration.Providers.Local.Reading.ReadingModes.Respond(prompt, 0, new Random(1));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{shape}: {prompt.Length:N0} characters took {watch.Elapsed}");
    }
}
