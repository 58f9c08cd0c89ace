using LlmLab.Knowledge.Data;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>
/// A PostgreSQL advisory lock per tenant, held to the end of the transaction: writers of one tenant's documents and
/// vector lists take turns (version numbers, list assignment and retraining stay consistent across replicas).
/// </summary>
public static class TenantLock
{
    public static async Task AcquireAsync(KnowledgeDbContext db, string tenant, CancellationToken ct)
    {
        var key = unchecked((long)StableHash.Of("knowledge:" + tenant));
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
    }
}
