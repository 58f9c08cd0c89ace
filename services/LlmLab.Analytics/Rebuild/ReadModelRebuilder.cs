using System.Diagnostics;
using LlmLab.Analytics.Data;
using LlmLab.Analytics.Rollups;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LlmLab.Analytics.Rebuild;

/// <summary>
/// Rebuilds a tenant's read model from the batch service's stored responses in one transaction: the old rows go and
/// the feed's rows come in together, so a reader sees the old model or the new one, never half of it. Events that
/// arrive meanwhile insert with ON CONFLICT DO NOTHING and wait on the transaction, so none is lost or doubled.
/// </summary>
public sealed class ReadModelRebuilder(AnalyticsDbContext db, BatchFeedClient feed, ILogger<ReadModelRebuilder> logger)
{
    public async Task<RebuildResult> RebuildAsync(string tenantId, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // Consumers of this tenant wait until the rebuild commits (RollupSchema.WriterLock), so neither waits on the other's rows.
        await using (var writerLock = new NpgsqlCommand(RollupSchema.WriterLock("@tenant", exclusive: true), connection, transaction))
        {
            writerLock.Parameters.AddWithValue("tenant", tenantId);
            await writerLock.ExecuteNonQueryAsync(ct);
        }
        int deleted;
        await using (var delete = new NpgsqlCommand("DELETE FROM scored_responses WHERE tenant_id = @tenant", connection, transaction))
        {
            delete.Parameters.AddWithValue("tenant", tenantId);
            deleted = await delete.ExecuteNonQueryAsync(ct);
        }
        var inserted = 0;
        var pages = 0;
        Guid? after = null;
        do
        {
            var page = await feed.PageAsync(tenantId, after, ct);
            if (page.Items.Count > 0) inserted += await ScoredResponseWriter.BulkInsertAsync(connection, page.Items, ct);
            after = page.NextAfter;
            pages++;
        }
        while (after is not null);
        await transaction.CommitAsync(ct);
        logger.LogInformation("Rebuilt the read model of tenant {Tenant}: {Deleted} rows removed, {Inserted} inserted from {Pages} pages in {Ms} ms",
            tenantId, deleted, inserted, pages, watch.ElapsedMilliseconds);
        return new RebuildResult(deleted, inserted, pages, watch.ElapsedMilliseconds);
    }
}

public sealed record RebuildResult(int Deleted, int Inserted, int Pages, long DurationMs);
