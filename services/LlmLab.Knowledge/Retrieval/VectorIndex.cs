using System.Collections.Concurrent;
using LlmLab.Knowledge.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// The dense index: IVF over PostgreSQL. A tenant's vectors live in chunk_vectors, each in one list; only the lists'
/// centroids are held in memory (a few hundred vectors per tenant). A query probes the nearest lists and reads just
/// their rows, scoring them by cosine (vectors are normalised, so a dot product). Before a tenant has enough vectors to
/// be clustered, everything is list 0 and a query scans the tenant's rows.
/// </summary>
public sealed class VectorIndex(IOptions<KnowledgeOptions> options)
{
    private readonly ConcurrentDictionary<string, CentroidSet> _cache = new(StringComparer.Ordinal);

    /// <summary>The tenant's current centroids (cached per generation), or null while its vectors are not clustered.</summary>
    public async Task<float[][]?> CentroidsAsync(KnowledgeDbContext db, string tenant, CancellationToken ct)
    {
        var state = await db.VectorIndexStates.AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == tenant, ct);
        if (state is null) return null;
        if (_cache.TryGetValue(tenant, out var cached) && cached.Generation == state.Generation) return cached.Vectors;
        var lists = await db.VectorLists.AsNoTracking().Where(l => l.TenantId == tenant).OrderBy(l => l.ListNo).ToListAsync(ct);
        var vectors = lists.Select(l => VectorCodec.ToFloats(l.Centroid)).ToArray();
        _cache[tenant] = new CentroidSet(state.Generation, vectors);
        return vectors;
    }

    public void Forget(string tenant) => _cache.TryRemove(tenant, out _);

    /// <summary>The list each vector belongs in under the tenant's current centroids.</summary>
    public async Task<int[]> AssignAsync(KnowledgeDbContext db, string tenant, IReadOnlyList<float[]> vectors, CancellationToken ct)
    {
        var centroids = await CentroidsAsync(db, tenant, ct);
        return centroids is null ? new int[vectors.Count] : vectors.Select(v => Nearest(centroids, v)).ToArray();
    }

    public static int Nearest(float[][] centroids, ReadOnlySpan<float> vector)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var i = 0; i < centroids.Length; i++)
        {
            var score = VectorCodec.Dot(vector, centroids[i]);
            if (score > bestScore) (best, bestScore) = (i, score);
        }
        return best;
    }

    public async Task<IReadOnlyList<ScoredChunk>> SearchAsync(KnowledgeDbContext db, string tenant, string? collection,
        float[] query, int topK, CancellationToken ct)
    {
        var centroids = await CentroidsAsync(db, tenant, ct);
        var lists = centroids is null
            ? [0]
            : Enumerable.Range(0, centroids.Length).OrderByDescending(i => VectorCodec.Dot(query, centroids[i]))
                .Take(options.Value.IvfProbes).ToArray();

        var sql = "SELECT chunk_id, vector FROM chunk_vectors WHERE tenant_id = $1 AND list_no = ANY($2)" +
            (collection is null ? "" : " AND collection = $3");
        object[] parameters = collection is null ? [tenant, lists] : [tenant, lists, collection];
        return await TopKScan.ReadAsync(db, sql, parameters, query, topK, ct);
    }

    private sealed record CentroidSet(Guid Generation, float[][] Vectors);
}
