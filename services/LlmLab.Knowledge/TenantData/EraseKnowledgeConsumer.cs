using LlmLab.Contracts.Messages;
using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.IndexSync;
using LlmLab.Knowledge.Retrieval;
using LlmLab.ServiceKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Knowledge.TenantData;

/// <summary>
/// Erases a tenant's knowledge base: documents, chunks, vectors, IVF lists, trained embedding, index generation and change
/// log in one transaction (under the tenant's lock, so no upload interleaves), then this replica's BM25 index folder and
/// caches of it. Other replicas drop their folders when they next see the tenant without a generation (a search, or
/// <see cref="IndexFollower"/> within Knowledge:IndexFollowSeconds).
/// </summary>
public sealed class EraseKnowledgeConsumer(KnowledgeDbContext db, IIndexSource indexSource, VectorIndex vectors, IndexConsistency consistency,
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
            await IndexGenerations.ForgetAsync(db, tenant, ct);
            return erased;
        }, context.CancellationToken);
        // The index on disk is a cache of the rows just deleted; it holds the chunks' terms, so it goes too (the tenant
        // has no generation now, so catching up erases it, in turn with any other catch-up of the tenant).
        await consistency.EnsureAsync(indexSource, tenant, context.CancellationToken);
        vectors.Forget(tenant);
        embedders.Forget(tenant);
        logger.LogInformation("Erasure {ErasureId}: {Count} documents, their chunks, vectors and index erased", context.Message.ErasureId, documents);
    }
}
