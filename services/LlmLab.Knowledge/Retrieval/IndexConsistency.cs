using System.Collections.Concurrent;
using LlmLab.Knowledge.Data;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// Keeps a tenant's on-disk BM25 index in step with PostgreSQL, the store of record: the first time this process
/// touches a tenant (and for every tenant at start), an index that is missing or holds a different number of chunks
/// than PostgreSQL's current documents is rebuilt from PostgreSQL.
/// </summary>
public sealed class IndexConsistency(Bm25Index bm25, ILogger<IndexConsistency> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<SemaphoreSlim>> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _checked = new(StringComparer.Ordinal);

    public async Task EnsureAsync(KnowledgeDbContext db, string tenant, CancellationToken ct)
    {
        if (_checked.ContainsKey(tenant)) return;
        var gate = _locks.GetOrAdd(tenant, _ => new Lazy<SemaphoreSlim>(() => new SemaphoreSlim(1, 1))).Value;
        await gate.WaitAsync(ct);
        try
        {
            if (_checked.ContainsKey(tenant)) return;
            var stored = await CurrentChunks(db, tenant).CountAsync(ct);
            if (bm25.Count(tenant) != stored)
            {
                logger.LogInformation("Rebuilding the BM25 index of a tenant from PostgreSQL ({Chunks} chunks)", stored);
                var chunks = await CurrentChunks(db, tenant).AsNoTracking()
                    .Select(c => new IndexedChunk(c.Id, c.DocumentId, c.Collection, c.Text)).ToListAsync(ct);
                bm25.Rebuild(tenant, chunks);
            }
            _checked[tenant] = true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forces the next <see cref="EnsureAsync"/> to compare again (after a write whose index update failed).</summary>
    public void Invalidate(string tenant) => _checked.TryRemove(tenant, out _);

    private static IQueryable<Domain.KnowledgeChunk> CurrentChunks(KnowledgeDbContext db, string tenant) =>
        db.Chunks.Where(c => c.TenantId == tenant && db.Documents.Any(d => d.Id == c.DocumentId && d.IsCurrent));
}
