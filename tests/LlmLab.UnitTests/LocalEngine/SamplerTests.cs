using LlmLab.LlmIntegration.Providers.Local;

namespace LlmLab.UnitTests.LocalEngine;

public class SamplerTests
{
    private static (int, double)[] Candidates() => [(1, Math.Log(0.5)), (2, Math.Log(0.3)), (3, Math.Log(0.2))];
    private static readonly Dictionary<int, int> NothingGenerated = [];

    [Fact]
    public void Temperature_zero_is_greedy()
    {
        var random = new Random(1);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(1, Sampler.Sample(Candidates(), new SamplingSettings(Temperature: 0), NothingGenerated, random));
        }
    }

    [Fact]
    public void At_temperature_one_draws_follow_the_model_probabilities()
    {
        var random = new Random(7);
        var counts = new int[4];
        const int draws = 20_000;
        for (var i = 0; i < draws; i++) counts[Sampler.Sample(Candidates(), new SamplingSettings(), NothingGenerated, random)]++;

        Assert.InRange(counts[1] / (double)draws, 0.48, 0.52);
        Assert.InRange(counts[2] / (double)draws, 0.28, 0.32);
        Assert.InRange(counts[3] / (double)draws, 0.18, 0.22);
    }

    [Fact]
    public void Top_p_keeps_only_the_smallest_set_reaching_the_mass()
    {
        var random = new Random(3);
        var seen = new HashSet<int>();
        for (var i = 0; i < 2_000; i++) seen.Add(Sampler.Sample(Candidates(), new SamplingSettings(TopP: 0.8), NothingGenerated, random));
        Assert.Equal([1, 2], seen.Order());
    }

    [Fact]
    public void Top_k_of_one_is_greedy_at_any_temperature()
    {
        var random = new Random(5);
        for (var i = 0; i < 200; i++) Assert.Equal(1, Sampler.Sample(Candidates(), new SamplingSettings(Temperature: 2, TopK: 1), NothingGenerated, random));
    }

    [Fact]
    public void Presence_penalty_moves_the_choice_away_from_a_token_already_used()
    {
        var generated = new Dictionary<int, int> { [1] = 1 };
        var choice = Sampler.Sample(Candidates(), new SamplingSettings(Temperature: 0, PresencePenalty: 1.0), generated, new Random(1));
        Assert.Equal(2, choice);
    }

    [Fact]
    public void Higher_temperature_flattens_the_distribution()
    {
        double ShareOfTop(double temperature)
        {
            var random = new Random(11);
            var top = 0;
            for (var i = 0; i < 10_000; i++) if (Sampler.Sample(Candidates(), new SamplingSettings(Temperature: temperature), NothingGenerated, random) == 1) top++;
            return top / 10_000.0;
        }
        Assert.True(ShareOfTop(0.3) > ShareOfTop(1.0));
        Assert.True(ShareOfTop(1.0) > ShareOfTop(2.0));
    }
}
