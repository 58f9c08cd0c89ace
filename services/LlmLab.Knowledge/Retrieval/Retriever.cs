using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.IndexSync;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// Runs a search for a tenant: BM25, dense, or both fused by reciprocal rank; optionally reranked by the lexical
/// reranker over a wider candidate set; then the chunks' text and documents from PostgreSQL (current versions only).
/// The dense part uses the tenant's built-in model (trained on its chunks, else fixed), or the provider model the query
/// names (its vectors made at upload).
/// </summary>
public sealed class Retriever(KnowledgeDbContext db, Bm25Index bm25, VectorIndex vectors, TenantEmbedder embedders,
    IndexConsistency consistency, IIndexSource indexSource, ProviderEmbeddings providerEmbeddings)
{
    /// <summary>Candidates each retriever gives hybrid fusion and the reranker, per result wanted.</summary>
    private const int CandidatesPerResult = 4;
    private const int MinCandidates = 40;

    public async Task<IReadOnlyList<RetrievedChunk>> SearchAsync(string tenant, SearchQuery query, CancellationToken ct)
    {
        var candidates = query.Mode == SearchMode.Hybrid || query.Rerank ? Math.Max(query.TopK * CandidatesPerResult, MinCandidates) : query.TopK;
        var ranked = query.Mode switch
        {
            SearchMode.Bm25 => await Bm25Async(tenant, query, candidates, ct),
            SearchMode.Dense => await DenseAsync(tenant, query, candidates, ct),
            _ => ReciprocalRankFusion.Fuse([await Bm25Async(tenant, query, candidates, ct), await DenseAsync(tenant, query, candidates, ct)]),
        };
        var rows = await LoadAsync(tenant, ranked.Select(r => r.ChunkId).ToList(), ct);
        if (query.Rerank)
        {
            var present = ranked.Where(r => rows.ContainsKey(r.ChunkId)).Select(r => (r.ChunkId, rows[r.ChunkId].Text)).ToList();
            ranked = LexicalReranker.Rerank(query.Query, present);
        }
        return ranked.Where(r => rows.ContainsKey(r.ChunkId)).Take(query.TopK)
            .Select(r => rows[r.ChunkId] with { Score = r.Score }).ToList();
    }

    private async Task<IReadOnlyList<ScoredChunk>> Bm25Async(string tenant, SearchQuery query, int count, CancellationToken ct)
    {
        // Another replica may have written since this one's index last caught up.
        await consistency.EnsureAsync(indexSource, tenant, ct);
        return bm25.Search(tenant, query.Query, query.Collection, count);
    }

    private async Task<IReadOnlyList<ScoredChunk>> DenseAsync(string tenant, SearchQuery query, int count, CancellationToken ct)
    {
        if (query.EmbeddingModel is null)
        {
            var embed = await embedders.ForAsync(db, tenant, ct);
            return await vectors.SearchAsync(db, tenant, query.Collection, embed(query.Query), count, ct);
        }
        var embedded = await providerEmbeddings.EmbedAsync(tenant, query.EmbeddingModel, [query.Query], null, ct);
        if (!await ProviderVectorIndex.HasModelAsync(db, tenant, embedded.Model, query.Collection, ct))
        {
            throw new EmbeddingModelException($"no document{(query.Collection is null ? "" : $" of collection '{query.Collection}'")} was embedded " +
                $"with '{embedded.Model}'; upload documents with embedding_model set to it, or search with the local model.", 422);
        }
        return await ProviderVectorIndex.SearchAsync(db, tenant, embedded.Model, query.Collection, embedded.Vectors[0], count, ct);
    }

    private async Task<Dictionary<Guid, RetrievedChunk>> LoadAsync(string tenant, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        return await (from c in db.Chunks
                      join d in db.Documents on c.DocumentId equals d.Id
                      where ids.Contains(c.Id) && c.TenantId == tenant && d.IsCurrent
                      select new RetrievedChunk(c.Id, d.Id, d.Title, c.Page, c.Text, 0))
            .AsNoTracking().ToDictionaryAsync(r => r.ChunkId, ct);
    }
}
