using LlmLab.Knowledge.Data;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// Dense search over the vectors a provider model made of a tenant's current chunks (chunk_embeddings): an exact scan
/// of that tenant's rows of that model, read through the (tenant_id, model) index. Older versions keep their vectors
/// (they were paid for, and a version promoted by a delete needs them), so the scan joins to current documents.
/// </summary>
public static class ProviderVectorIndex
{
    public static Task<bool> HasModelAsync(KnowledgeDbContext db, string tenant, string model, string? collection, CancellationToken ct) =>
        db.Embeddings.AnyAsync(e => e.TenantId == tenant && e.Model == model && (collection == null || e.Collection == collection), ct);

    public static Task<IReadOnlyList<ScoredChunk>> SearchAsync(KnowledgeDbContext db, string tenant, string model, string? collection,
        float[] query, int topK, CancellationToken ct)
    {
        var sql = "SELECT e.chunk_id, e.vector FROM chunk_embeddings e JOIN chunks c ON c.id = e.chunk_id " +
                  "JOIN documents d ON d.id = c.document_id WHERE e.tenant_id = $1 AND e.model = $2 AND d.is_current" +
                  (collection is null ? "" : " AND e.collection = $3");
        object[] parameters = collection is null ? [tenant, model] : [tenant, model, collection];
        return TopKScan.ReadAsync(db, sql, parameters, query, topK, ct);
    }
}
