using System.Collections.Concurrent;
using LlmLab.Knowledge.Data;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// The built-in embedding a tenant's vectors are made with: its trained model once one is fitted, else the fixed local
/// one. Replicas cache the model per generation (one small query per use tells them whether theirs is current).
/// </summary>
public sealed class TenantEmbedder(LocalEmbeddingGenerator fixedEmbedding)
{
    private readonly ConcurrentDictionary<string, (Guid Generation, TrainedEmbeddingModel Model)> _cache = new(StringComparer.Ordinal);

    public async Task<Func<string, float[]>> ForAsync(KnowledgeDbContext db, string tenant, CancellationToken ct)
    {
        var generation = await db.TrainedEmbeddings.AsNoTracking().Where(t => t.TenantId == tenant).Select(t => (Guid?)t.Generation).FirstOrDefaultAsync(ct);
        if (generation is not { } current) return fixedEmbedding.Embed;
        if (_cache.TryGetValue(tenant, out var cached) && cached.Generation == current) return cached.Model.Embed;
        var bytes = await db.TrainedEmbeddings.AsNoTracking().Where(t => t.TenantId == tenant && t.Generation == current).Select(t => t.Model).FirstOrDefaultAsync(ct);
        // Refitted between the two reads: the newest model is the one the vectors are being rewritten to.
        if (bytes is null) return await ForAsync(db, tenant, ct);
        var model = TrainedEmbeddingModel.FromBytes(bytes);
        _cache[tenant] = (current, model);
        return model.Embed;
    }

    public void Remember(string tenant, Guid generation, TrainedEmbeddingModel model) => _cache[tenant] = (generation, model);

    public void Forget(string tenant) => _cache.TryRemove(tenant, out _);
}
