using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.Domain;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// Fits a tenant's built-in embedding on a sample of its current chunks once it has
/// <see cref="KnowledgeOptions.TrainedEmbeddingMinVectors"/> vectors, and again when their number has changed by
/// <see cref="KnowledgeOptions.TrainedEmbeddingRefitChange"/>; then rewrites every vector of the tenant with it. One
/// transaction under the tenant's lock: uploads wait, and no query ever compares vectors of two models.
/// </summary>
public sealed class EmbeddingRefitter(TenantEmbedder embedders, IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<EmbeddingRefitter> logger)
{
    private const int RewriteBatch = 1024;

    public static bool Due(long count, long? fittedOn, KnowledgeOptions o) =>
        count >= o.TrainedEmbeddingMinVectors
        && (fittedOn is not { } fitted || count >= fitted * o.TrainedEmbeddingRefitChange || count * o.TrainedEmbeddingRefitChange <= fitted);

    /// <summary>True when it fitted a model (the tenant's vectors changed, so their IVF lists must be trained again).</summary>
    public async Task<bool> RefitIfDueAsync(KnowledgeDbContext db, string tenant, CancellationToken ct)
    {
        var settings = options.Value;
        var generation = Guid.NewGuid();
        var model = await db.InTransactionAsync(async token =>
        {
            await TenantLock.AcquireAsync(db, tenant, token);
            var count = await db.Vectors.LongCountAsync(v => v.TenantId == tenant, token);
            var fittedOn = await db.TrainedEmbeddings.AsNoTracking().Where(t => t.TenantId == tenant).Select(t => (long?)t.FittedOnCount).FirstOrDefaultAsync(token);
            if (!Due(count, fittedOn, settings)) return null;

            var sample = await db.Chunks.FromSql(
                    $"SELECT c.* FROM chunks c JOIN chunk_vectors v ON v.chunk_id = c.id WHERE v.tenant_id = {tenant} ORDER BY random() LIMIT {settings.TrainedEmbeddingSample}")
                .AsNoTracking().Select(c => c.Text).ToListAsync(token);
            var fitted = TrainedEmbeddingModel.Fit(sample, settings.LocalDimensions);
            await RewriteAsync(db, tenant, fitted, token);

            // Loaded after the rewrite, which clears the change tracker page by page.
            var state = await db.TrainedEmbeddings.FirstOrDefaultAsync(t => t.TenantId == tenant, token)
                        ?? db.TrainedEmbeddings.Add(new TrainedEmbedding { TenantId = tenant, Model = [] }).Entity;
            state.Model = fitted.ToBytes();
            state.Generation = generation;
            state.FittedOnCount = count;
            state.Terms = fitted.TermCount;
            state.FittedAt = time.GetUtcNow();
            await db.SaveChangesAsync(token);
            logger.LogInformation("Fitted a tenant's embedding on {Sample} of {Count} chunks ({Terms} terms) and rewrote its vectors", sample.Count, count, fitted.TermCount);
            return fitted;
        }, ct);
        if (model is null) return false;
        embedders.Remember(tenant, generation, model);
        return true;
    }

    /// <summary>Every vector of the tenant made again with the model, page by page (in chunk order, stable under the lock).</summary>
    private static async Task RewriteAsync(KnowledgeDbContext db, string tenant, TrainedEmbeddingModel model, CancellationToken ct)
    {
        for (var offset = 0; ; offset += RewriteBatch)
        {
            var rows = await db.Vectors.Where(v => v.TenantId == tenant).OrderBy(v => v.ChunkId).Skip(offset).Take(RewriteBatch).ToListAsync(ct);
            if (rows.Count == 0) return;
            var ids = rows.Select(r => r.ChunkId).ToList();
            var texts = await db.Chunks.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Text, ct);
            foreach (var row in rows) row.Vector = VectorCodec.ToBytes(model.Embed(texts[row.ChunkId]));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
