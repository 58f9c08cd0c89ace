using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.Domain;
using LlmLab.Knowledge.Retrieval;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Knowledge.IndexSync;

/// <summary>The index generation, change log and current chunks of a tenant in knowledgedb.</summary>
public sealed class PostgresIndexSource(KnowledgeDbContext db) : IIndexSource
{
    public async Task<long> GenerationAsync(string tenant, CancellationToken ct) =>
        await db.IndexGenerations.AsNoTracking().Where(g => g.TenantId == tenant).Select(g => g.Generation).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<IndexChange>> ChangesAsync(string tenant, long after, long upTo, CancellationToken ct) =>
        await db.IndexChanges.AsNoTracking().Where(c => c.TenantId == tenant && c.Generation > after && c.Generation <= upTo)
            .OrderBy(c => c.Generation).ToListAsync(ct);

    public async Task<IReadOnlyList<IndexedChunk>> CurrentChunksAsync(string tenant, IReadOnlyCollection<Guid>? documents, CancellationToken ct)
    {
        var chunks = db.Chunks.Where(c => c.TenantId == tenant && db.Documents.Any(d => d.Id == c.DocumentId && d.IsCurrent));
        if (documents is not null)
        {
            var ids = documents.ToArray();
            chunks = chunks.Where(c => ids.Contains(c.DocumentId));
        }
        return await chunks.AsNoTracking().Select(c => new IndexedChunk(c.Id, c.DocumentId, c.Collection, c.Text)).ToListAsync(ct);
    }
}
