using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.Domain;
using LlmLab.Knowledge.Retrieval;

namespace LlmLab.Knowledge.Documents;

/// <summary>
/// Embeds chunks with the tenant's built-in model (trained or fixed; callers hold the tenant's lock, so it cannot change
/// meanwhile) and adds their vectors, in the right IVF lists, to the unit of work.
/// </summary>
public sealed class ChunkIndexer(TenantEmbedder embedders, VectorIndex vectors)
{
    public async Task AddVectorsAsync(KnowledgeDbContext db, string tenant, IReadOnlyList<KnowledgeChunk> chunks, CancellationToken ct)
    {
        var embed = await embedders.ForAsync(db, tenant, ct);
        var embeddings = chunks.Select(c => embed(c.Text)).ToList();
        var lists = await vectors.AssignAsync(db, tenant, embeddings, ct);
        db.Vectors.AddRange(chunks.Select((c, i) => new ChunkVector
        {
            ChunkId = c.Id, TenantId = tenant, Collection = c.Collection, ListNo = lists[i], Vector = VectorCodec.ToBytes(embeddings[i]),
        }));
    }

    /// <summary>Adds the chunks' provider-model vectors (in chunk order) to the unit of work.</summary>
    public static void AddEmbeddings(KnowledgeDbContext db, string tenant, IReadOnlyList<KnowledgeChunk> chunks, ProviderVectors provided) =>
        db.Embeddings.AddRange(chunks.Select((c, i) => new ChunkEmbedding
        {
            ChunkId = c.Id, Model = provided.Model, TenantId = tenant, Collection = c.Collection, Vector = VectorCodec.ToBytes(provided.Vectors[i]),
        }));
}
