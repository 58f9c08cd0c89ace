using LlmLab.Contracts.Messages;
using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.Retrieval;
using LlmLab.ServiceKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Knowledge.TenantData;

/// <summary>
/// Erases a tenant's knowledge base: documents, chunks, vectors, IVF lists and trained embedding in one transaction (under the tenant's
/// lock, so no upload interleaves), then the tenant's BM25 index folder and this replica's caches of it.
/// </summary>
public sealed class EraseKnowledgeConsumer(KnowledgeDbContext db, Bm25Index bm25, VectorIndex vectors, IndexConsistency consistency,
    TenantEmbedder embedders, ILogger<EraseKnowledgeConsumer> logger) : IConsumer<TenantErasureRequested>
{
    public async Task Consume(ConsumeContext<TenantErasureRequested> context)
    {
        var tenant = context.Message.TenantId;
        var documents = await db.InTransactionAsync(async ct =>
        {
            await TenantLock.AcquireAsync(db, tenant, ct);
            await db.Vectors.Where(v => v.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.Chunks.Where(c => c.TenantId == tenant).ExecuteDeleteAsync(ct);
            var erased = await db.Documents.Where(d => d.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.VectorLists.Where(l => l.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.VectorIndexStates.Where(s => s.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.TrainedEmbeddings.Where(s => s.TenantId == tenant).ExecuteDeleteAsync(ct);
            return erased;
        }, context.CancellationToken);
        // The index on disk is a cache of the rows just deleted; it holds the chunks' terms, so it goes too.
        bm25.Erase(tenant);
        vectors.Forget(tenant);
        embedders.Forget(tenant);
        consistency.Invalidate(tenant);
        logger.LogInformation("Erasure {ErasureId}: {Count} documents, their chunks, vectors and index erased", context.Message.ErasureId, documents);
    }
}
