using LlmLab.Batch.Clients;
using LlmLab.Batch.Domain;

namespace LlmLab.UnitTests.Grid;

public class GridExpanderTests
{
    private static ExperimentDefinition Experiment(long? seed = null) =>
        new(Guid.NewGuid(), "e", "p", "local", "", 0.2, 1.0, 0.4, 0.5, 1.0, 0.25, 64, 0.1, 0.2, 2, seed);

    [Fact]
    public void A_3_by_3_grid_with_two_repetitions_expands_to_18_items_over_9_combinations()
    {
        var items = GridExpander.Expand(Experiment(), Guid.NewGuid(), "t", new SequenceSeeds().Next);

        Assert.Equal(18, items.Count);
        Assert.Equal(9, items.Select(i => i.CombinationIndex).Distinct().Count());
        Assert.Equal([0.2, 0.6, 1.0], items.Select(i => i.Temperature).Distinct().Order());
        Assert.Equal([0.5, 0.75, 1.0], items.Select(i => i.TopP).Distinct().Order());
        Assert.All(items, i => Assert.Equal((64, 0.1, 0.2), (i.MaxTokens, i.FrequencyPenalty, i.PresencePenalty)));
        Assert.Equal(18, GridExpander.CallCount(Experiment()));
    }

    [Fact]
    public void Each_repetition_draws_and_records_its_own_seed()
    {
        var items = GridExpander.Expand(Experiment(), Guid.NewGuid(), "t", new SequenceSeeds().Next);
        Assert.Equal(18, items.Select(i => i.Seed).Distinct().Count());
    }

    [Fact]
    public void A_fixed_seed_is_used_for_every_repetition()
    {
        var items = GridExpander.Expand(Experiment(seed: 42), Guid.NewGuid(), "t", () => throw new InvalidOperationException("no draw expected"));
        Assert.All(items, i => Assert.Equal(42, i.Seed));
    }

    private sealed class SequenceSeeds
    {
        private long _next = 1000;
        public long Next() => _next++;
    }
}
