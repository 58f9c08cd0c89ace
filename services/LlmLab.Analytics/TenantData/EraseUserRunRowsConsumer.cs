using LlmLab.Analytics.Data;
using LlmLab.Analytics.Rollups;
using LlmLab.ServiceKit;
using LlmLab.Contracts.Messages;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LlmLab.Analytics.TenantData;

/// <summary>
/// Erases the read model's rows of the runs batch erased with their owner, and fences those runs (<see cref="ErasureFence"/>)
/// so their events still on their way are dropped.
/// </summary>
public sealed class EraseUserRunRowsConsumer(AnalyticsDbContext db, ILogger<EraseUserRunRowsConsumer> logger) : IConsumer<UserRunsErased>
{
    public async Task Consume(ConsumeContext<UserRunsErased> context)
    {
        var (tenant, runs) = (context.Message.TenantId, context.Message.RunIds.ToList());
        var erased = await db.InTransactionAsync(async ct =>
        {
            await db.Database.ExecuteSqlRawAsync(RollupSchema.WriterLock("@tenant", exclusive: true), [new NpgsqlParameter("tenant", tenant)], ct);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO erased_runs (run_id, tenant_id, erased_at) SELECT unnest({runs.ToArray()}), {tenant}, now()
                ON CONFLICT (run_id) DO NOTHING
                """, ct);
            await db.FinishedRuns.Where(r => r.TenantId == tenant && runs.Contains(r.RunId)).ExecuteDeleteAsync(ct);
            return await db.ScoredResponses.Where(r => r.TenantId == tenant && runs.Contains(r.RunId)).ExecuteDeleteAsync(ct);
        }, context.CancellationToken);
        logger.LogInformation("User erasure {ErasureId}: {Count} scored responses erased", context.Message.ErasureId, erased);
    }
}
