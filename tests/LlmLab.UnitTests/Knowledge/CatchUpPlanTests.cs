using LlmLab.Knowledge.Domain;
using LlmLab.Knowledge.IndexSync;
using LlmLab.Knowledge.Retrieval;

namespace LlmLab.UnitTests.Knowledge;

/// <summary>How a replica decides to bring its BM25 index from the generation it holds to the stored one.</summary>
public class CatchUpPlanTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    private static IndexChange Change(long previous, long generation, params Guid[] documents) =>
        new() { TenantId = "t", Generation = generation, PreviousGeneration = previous, DocumentIds = [.. documents] };

    [Fact]
    public void An_index_at_the_stored_generation_is_current_and_needs_no_log()
    {
        Assert.Equal(CatchUpKind.Current, CatchUpPlan.For(40, 40, []).Kind);
        Assert.Equal(CatchUpKind.Current, CatchUpPlan.For(0, 0, []).Kind);
        Assert.False(CatchUpPlan.NeedsChanges(40, 40));
    }

    [Fact]
    public void A_log_that_follows_on_from_the_index_is_applied_to_every_document_it_names_once()
    {
        var plan = CatchUpPlan.For(10, 30, [Change(10, 20, A, B), Change(20, 30, B, C)]);

        Assert.Equal(CatchUpKind.Apply, plan.Kind);
        Assert.Equal([A, B, C], plan.Documents.Order());
        Assert.True(CatchUpPlan.NeedsChanges(10, 30));
    }

    [Fact]
    public void A_tenant_without_a_generation_erases_the_index_whatever_it_held()
    {
        Assert.Equal(CatchUpKind.Erase, CatchUpPlan.For(30, 0, []).Kind);
        Assert.Equal(CatchUpKind.Erase, CatchUpPlan.For(Bm25Index.UnknownGeneration, 0, []).Kind);
        Assert.False(CatchUpPlan.NeedsChanges(30, 0));
    }

    [Theory]
    // The entries after the index were pruned: the first one left starts later.
    [InlineData(10, 20, 30)]
    // Erased and written again: the new log starts from 0, not from what the index holds.
    [InlineData(10, 0, 30)]
    // An index written before generations (or never committed to) holds an unknown one.
    [InlineData(Bm25Index.UnknownGeneration, 0, 30)]
    public void A_log_that_does_not_reach_back_to_the_index_means_a_rebuild(long applied, long firstPrevious, long stored)
    {
        Assert.Equal(CatchUpKind.Rebuild, CatchUpPlan.For(applied, stored, [Change(firstPrevious, stored, A)]).Kind);
    }

    [Fact]
    public void A_log_with_a_gap_or_stopping_short_of_the_stored_generation_means_a_rebuild()
    {
        Assert.Equal(CatchUpKind.Rebuild, CatchUpPlan.For(10, 40, [Change(10, 20, A), Change(30, 40, B)]).Kind);
        Assert.Equal(CatchUpKind.Rebuild, CatchUpPlan.For(10, 40, [Change(10, 20, A)]).Kind);
        Assert.Equal(CatchUpKind.Rebuild, CatchUpPlan.For(10, 40, []).Kind);
    }
}
