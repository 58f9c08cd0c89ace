using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.Retrieval;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Knowledge.Documents;

/// <summary>
/// Deletes one version of a document with its chunks and vectors; when it was the current version, the newest
/// remaining version of the title becomes current and is indexed again. Then the BM25 index follows.
/// </summary>
public sealed class DocumentDeleter(KnowledgeDbContext db, ChunkIndexer indexer, Bm25Index bm25, IndexConsistency consistency, VectorIndexTrainer trainer)
{
    /// <summary>False when the tenant has no document with this id.</summary>
    public async Task<bool> DeleteAsync(string tenant, Guid id, CancellationToken ct)
    {
        await consistency.EnsureAsync(db, tenant, ct);
        var outcome = await db.InTransactionAsync(async token =>
        {
            await TenantLock.AcquireAsync(db, tenant, token);
            var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == id && d.TenantId == tenant, token);
            if (document is null) return null;
            db.Documents.Remove(document);
            List<IndexedChunk> promoted = [];
            if (document.IsCurrent)
            {
                var next = await db.Documents.Include(d => d.Chunks)
                    .Where(d => d.TenantId == tenant && d.Collection == document.Collection && d.Title == document.Title && d.Id != id)
                    .OrderByDescending(d => d.Version).FirstOrDefaultAsync(token);
                if (next is not null)
                {
                    next.IsCurrent = true;
                    await indexer.AddVectorsAsync(db, tenant, next.Chunks, token);
                    promoted = next.Chunks.Select(ChunkIndexer.ForBm25).ToList();
                }
            }
            await db.SaveChangesAsync(token);
            return promoted;
        }, ct);
        if (outcome is null) return false;
        trainer.Nudge(tenant);
        try
        {
            bm25.Replace(tenant, [id], outcome);
        }
        catch
        {
            consistency.Invalidate(tenant);
            throw;
        }
        return true;
    }
}
