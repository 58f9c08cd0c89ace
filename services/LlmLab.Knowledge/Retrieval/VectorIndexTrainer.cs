using System.Threading.Channels;
using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.Domain;
using LlmLab.ServiceKit;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// Clusters a tenant's vectors into IVF lists once it has <see cref="KnowledgeOptions.IvfMinVectors"/> of them, and
/// again each time their number has grown by <see cref="KnowledgeOptions.IvfRetrainGrowth"/>: k ≈ √n lists trained on a
/// sample, then every vector reassigned in batches, under the tenant's lock. Runs in the background after uploads.
/// </summary>
public sealed class VectorIndexTrainer(IServiceScopeFactory scopes, VectorIndex index, EmbeddingRefitter refitter, IOptions<KnowledgeOptions> options,
    TimeProvider time, ILogger<VectorIndexTrainer> logger) : BackgroundService
{
    private const int Iterations = 8;
    private const int MaxLists = 4096;
    private const int ReassignBatch = 4096;

    private readonly Channel<string> _tenants = Channel.CreateUnbounded<string>();

    public void Nudge(string tenant) => _tenants.Writer.TryWrite(tenant);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var tenant in _tenants.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
                // New vectors make the lists stale: cluster again (if the tenant has lists or is due for them).
                var refitted = await refitter.RefitIfDueAsync(db, tenant, stoppingToken);
                var clustered = await db.VectorIndexStates.AnyAsync(s => s.TenantId == tenant, stoppingToken);
                await TrainIfDueAsync(db, tenant, force: refitted && clustered, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Fitting the embedding or clustering the vectors of a tenant failed; its queries keep the previous model and lists");
            }
        }
    }

    public async Task<bool> TrainIfDueAsync(KnowledgeDbContext db, string tenant, bool force, CancellationToken ct)
    {
        var settings = options.Value;
        return await db.InTransactionAsync(async token =>
        {
            await TenantLock.AcquireAsync(db, tenant, token);
            var count = await db.Vectors.LongCountAsync(v => v.TenantId == tenant, token);
            var state = await db.VectorIndexStates.FirstOrDefaultAsync(s => s.TenantId == tenant, token);
            var due = count >= settings.IvfMinVectors && (state is null || count >= state.TrainedOnCount * settings.IvfRetrainGrowth);
            if (!force && !due) return false;
            if (count < 2) return false;

            var sample = await SampleAsync(db, tenant, settings.IvfTrainingSample, token);
            var k = Math.Clamp((int)Math.Round(Math.Sqrt(count)), 1, MaxLists);
            var centroids = SphericalKMeans.Train(sample, k, Iterations, seed: (int)StableHash.Of(tenant));
            await ReassignAsync(db, tenant, centroids, token);

            await db.VectorLists.Where(l => l.TenantId == tenant).ExecuteDeleteAsync(token);
            db.VectorLists.AddRange(centroids.Select((c, i) => new VectorList { TenantId = tenant, ListNo = i, Centroid = VectorCodec.ToBytes(c) }));
            state ??= db.VectorIndexStates.Add(new VectorIndexState { TenantId = tenant }).Entity;
            state.Lists = centroids.Length;
            state.TrainedOnCount = count;
            state.Generation = Guid.NewGuid();
            state.TrainedAt = time.GetUtcNow();
            await db.SaveChangesAsync(token);
            index.Forget(tenant);
            logger.LogInformation("Clustered {Count} vectors of a tenant into {Lists} lists", count, centroids.Length);
            return true;
        }, ct);
    }

    private static async Task<List<float[]>> SampleAsync(KnowledgeDbContext db, string tenant, int size, CancellationToken ct)
    {
        var rows = await db.Vectors.FromSql($"SELECT * FROM chunk_vectors WHERE tenant_id = {tenant} ORDER BY random() LIMIT {size}")
            .AsNoTracking().Select(v => v.Vector).ToListAsync(ct);
        return rows.Select(r => VectorCodec.ToFloats(r)).ToList();
    }

    /// <summary>Streams every vector of the tenant, assigns it to its nearest centroid, and writes the lists back in batches.</summary>
    private static async Task ReassignAsync(KnowledgeDbContext db, string tenant, float[][] centroids, CancellationToken ct)
    {
        var ids = new List<Guid>();
        var vectors = new List<float[]>();
        var assignments = new List<(Guid[] Ids, int[] Lists)>();
        await foreach (var row in db.Vectors.AsNoTracking().Where(v => v.TenantId == tenant).Select(v => new { v.ChunkId, v.Vector }).AsAsyncEnumerable().WithCancellation(ct))
        {
            ids.Add(row.ChunkId);
            vectors.Add(VectorCodec.ToFloats(row.Vector));
            if (ids.Count == ReassignBatch) Flush();
        }
        Flush();
        foreach (var (batchIds, lists) in assignments)
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE chunk_vectors AS v SET list_no = u.l FROM unnest({batchIds}, {lists}) AS u(id, l) WHERE v.chunk_id = u.id", ct);
        }

        void Flush()
        {
            if (ids.Count == 0) return;
            var lists = SphericalKMeans.Assign(Matrix<float>.Build.DenseOfRowArrays(vectors), centroids);
            assignments.Add((ids.ToArray(), lists));
            ids.Clear();
            vectors.Clear();
        }
    }
}
