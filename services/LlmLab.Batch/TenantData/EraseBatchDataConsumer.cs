using LlmLab.Batch.Data;
using LlmLab.Contracts.Messages;
using LlmLab.ServiceKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.TenantData;

/// <summary>
/// Erases a tenant's runs, work items, responses and metrics, and its events still waiting in the outbox, in one
/// transaction: either all of it is gone or (after a crash) nothing is, and the redelivered message erases it then.
/// </summary>
public sealed class EraseBatchDataConsumer(BatchDbContext db, ILogger<EraseBatchDataConsumer> logger) : IConsumer<TenantErasureRequested>
{
    public async Task Consume(ConsumeContext<TenantErasureRequested> context)
    {
        var tenant = context.Message.TenantId;
        var responses = await db.InTransactionAsync(async ct =>
        {
            // Work items first: a chunk being recorded holds its items' row locks, so this waits for it, and the
            // responses it wrote are then visible to the deletes below. A chunk recorded later finds no item to claim.
            await db.WorkItems.Where(w => w.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.Metrics.Where(m => db.Responses.Any(r => r.Id == m.ResponseId && r.TenantId == tenant)).ExecuteDeleteAsync(ct);
            var erased = await db.Responses.Where(r => r.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.Runs.Where(r => r.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.Searches.Where(s => s.TenantId == tenant).ExecuteDeleteAsync(ct);
            // Unsent events carry the tenant's data too (scores); messages are stored as JSON with their property names. A chunk's
            // ResponsesScored names the tenant in each of its responses.
            await db.Database.ExecuteSqlAsync($"""
                DELETE FROM outbox_messages WHERE payload->>'TenantId' = {tenant}
                   OR jsonb_path_exists(payload, '$.Responses[*] ? (@.TenantId == $tenant)', jsonb_build_object('tenant', {tenant}::text))
                """, ct);
            return erased;
        }, context.CancellationToken);
        logger.LogInformation("Erasure {ErasureId}: {Count} responses and their runs erased", context.Message.ErasureId, responses);
    }
}
