using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LlmLab.Knowledge.IndexSync;

/// <summary>
/// The write side of the index generation: every writer of a tenant's documents calls <see cref="BumpAsync"/> in its
/// transaction, under the tenant's advisory lock, so generations and log entries of one tenant follow commit order.
/// </summary>
public sealed class IndexGenerations(IOptions<KnowledgeOptions> options, TimeProvider time)
{
    /// <summary>
    /// Moves the tenant to a new generation and logs <paramref name="documents"/> as changed by it; prunes the tenant's
    /// log entries older than the retention. The log entry is added to the unit of work (the caller saves it).
    /// </summary>
    public async Task<long> BumpAsync(KnowledgeDbContext db, string tenant, IEnumerable<Guid> documents, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var previous = await db.IndexGenerations.AsNoTracking().Where(g => g.TenantId == tenant).Select(g => g.Generation).FirstOrDefaultAsync(ct);
        var generation = (await db.Database.SqlQuery<long>($"""
            INSERT INTO index_generations (tenant_id, generation, changed_at)
            VALUES ({tenant}, nextval('index_generation_seq'), {now})
            ON CONFLICT (tenant_id) DO UPDATE SET generation = EXCLUDED.generation, changed_at = EXCLUDED.changed_at
            RETURNING generation AS "Value"
            """).ToListAsync(ct)).Single();
        var cutoff = now.AddHours(-options.Value.IndexChangeRetentionHours);
        await db.IndexChanges.Where(c => c.TenantId == tenant && c.RecordedAt < cutoff).ExecuteDeleteAsync(ct);
        db.IndexChanges.Add(new IndexChange
        {
            TenantId = tenant, Generation = generation, PreviousGeneration = previous, DocumentIds = documents.Distinct().ToList(), RecordedAt = now,
        });
        return generation;
    }

    /// <summary>Forgets the tenant's generation and log (erasure): every replica then drops its index of the tenant.</summary>
    public static async Task ForgetAsync(KnowledgeDbContext db, string tenant, CancellationToken ct)
    {
        await db.IndexChanges.Where(c => c.TenantId == tenant).ExecuteDeleteAsync(ct);
        await db.IndexGenerations.Where(g => g.TenantId == tenant).ExecuteDeleteAsync(ct);
    }
}
