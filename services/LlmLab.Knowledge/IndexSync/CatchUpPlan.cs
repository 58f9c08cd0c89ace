using LlmLab.Knowledge.Domain;

namespace LlmLab.Knowledge.IndexSync;

/// <summary>What brings a BM25 index from the generation it holds to the stored one.</summary>
public enum CatchUpKind
{
    /// <summary>It holds the stored generation.</summary>
    Current,
    /// <summary>The tenant has no generation (its data was erased, or it never wrote): the index goes.</summary>
    Erase,
    /// <summary>The log follows on from the index without a gap: re-index just the documents it names.</summary>
    Apply,
    /// <summary>The log does not reach back to the index (pruned, erased and written again, or an index of unknown age).</summary>
    Rebuild,
}

/// <summary>The decision, and for <see cref="CatchUpKind.Apply"/> the documents to re-index.</summary>
public sealed record CatchUpPlan(CatchUpKind Kind, IReadOnlyCollection<Guid> Documents)
{
    /// <summary>Whether <see cref="For"/> needs the log: only when the index is behind a tenant that has a generation.</summary>
    public static bool NeedsChanges(long applied, long stored) => applied != stored && stored != 0;

    /// <param name="applied">The generation the index holds.</param>
    /// <param name="stored">The tenant's generation in PostgreSQL.</param>
    /// <param name="changes">The logged changes in (applied, stored], oldest first.</param>
    public static CatchUpPlan For(long applied, long stored, IReadOnlyList<IndexChange> changes)
    {
        if (applied == stored) return new(CatchUpKind.Current, []);
        if (stored == 0) return new(CatchUpKind.Erase, []);
        var from = applied;
        foreach (var change in changes)
        {
            if (change.PreviousGeneration != from) return new(CatchUpKind.Rebuild, []);
            from = change.Generation;
        }
        return from == stored
            ? new(CatchUpKind.Apply, changes.SelectMany(c => c.DocumentIds).ToHashSet())
            : new(CatchUpKind.Rebuild, []);
    }
}
