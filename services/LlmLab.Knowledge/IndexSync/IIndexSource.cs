using LlmLab.Knowledge.Domain;
using LlmLab.Knowledge.Retrieval;

namespace LlmLab.Knowledge.IndexSync;

/// <summary>What a replica reads from the store of record to bring a tenant's BM25 index up to date.</summary>
public interface IIndexSource
{
    /// <summary>The tenant's index generation; 0 when it has none (no document written, or its data erased).</summary>
    Task<long> GenerationAsync(string tenant, CancellationToken ct);

    /// <summary>The tenant's logged changes with generations in (<paramref name="after"/>, <paramref name="upTo"/>], oldest first.</summary>
    Task<IReadOnlyList<IndexChange>> ChangesAsync(string tenant, long after, long upTo, CancellationToken ct);

    /// <summary>The chunks of the tenant's current documents; only those of <paramref name="documents"/> when given.</summary>
    Task<IReadOnlyList<IndexedChunk>> CurrentChunksAsync(string tenant, IReadOnlyCollection<Guid>? documents, CancellationToken ct);
}
