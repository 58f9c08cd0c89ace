using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.IndexSync;
using LlmLab.Knowledge.Retrieval;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Knowledge.Documents;

/// <summary>
/// Deletes one version of a document with its chunks and vectors; when it was the current version, the newest
/// remaining version of the title becomes current and is indexed again; the tenant's index generation is bumped in the
/// same transaction. Then this replica's BM25 index follows (the others catch up from the generation).
/// </summary>
public sealed class DocumentDeleter(KnowledgeDbContext db, ChunkIndexer indexer, IndexGenerations generations, IndexConsistency consistency,
    IIndexSource indexSource, VectorIndexTrainer trainer)
{
    /// <summary>False when the tenant has no document with this id.</summary>
    public async Task<bool> DeleteAsync(string tenant, Guid id, CancellationToken ct)
    {
        var deleted = await db.InTransactionAsync(async token =>
        {
            await TenantLock.AcquireAsync(db, tenant, token);
            var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == id && d.TenantId == tenant, token);
            if (document is null) return false;
            db.Documents.Remove(document);
            List<Guid> changed = [id];
            if (document.IsCurrent)
            {
                var next = await db.Documents.Include(d => d.Chunks)
                    .Where(d => d.TenantId == tenant && d.Collection == document.Collection && d.Title == document.Title && d.Id != id)
                    .OrderByDescending(d => d.Version).FirstOrDefaultAsync(token);
                if (next is not null)
                {
                    next.IsCurrent = true;
                    await indexer.AddVectorsAsync(db, tenant, next.Chunks, token);
                    changed.Add(next.Id);
                }
            }
            await generations.BumpAsync(db, tenant, changed, token);
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        if (!deleted) return false;
        trainer.Nudge(tenant);
        await consistency.FollowWriteAsync(indexSource, tenant, ct);
        return true;
    }
}
