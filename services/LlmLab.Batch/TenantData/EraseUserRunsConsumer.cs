using LlmLab.Batch.Data;
using LlmLab.Contracts.Messages;
using LlmLab.Messaging;
using LlmLab.ServiceKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.TenantData;

/// <summary>
/// Erases the runs an erased user owned, with their work items, responses, metrics and unsent events, and in the same
/// transaction queues <see cref="UserRunsErased"/> naming them, so analytics erases exactly those runs' rows.
/// </summary>
public sealed class EraseUserRunsConsumer(BatchDbContext db, Outbox outbox, ILogger<EraseUserRunsConsumer> logger) : IConsumer<UserErasureRequested>
{
    public async Task Consume(ConsumeContext<UserErasureRequested> context)
    {
        var (tenant, subject) = (context.Message.TenantId, context.Message.SubjectId);
        var runs = await db.InTransactionAsync(async ct =>
        {
            var ids = await db.Runs.Where(r => r.TenantId == tenant && r.CreatedBy == subject).Select(r => r.Id).ToListAsync(ct);
            if (ids.Count == 0) return ids;
            // Work items first: a chunk being recorded holds its items' row locks, so this waits for it, and the
            // responses it wrote are then visible to the deletes below. A chunk recorded later finds no item to claim.
            await db.WorkItems.Where(w => ids.Contains(w.RunId)).ExecuteDeleteAsync(ct);
            await db.Metrics.Where(m => db.Responses.Any(r => r.Id == m.ResponseId && ids.Contains(r.RunId))).ExecuteDeleteAsync(ct);
            await db.Responses.Where(r => ids.Contains(r.RunId)).ExecuteDeleteAsync(ct);
            await db.Runs.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(ct);
            var names = ids.Select(id => id.ToString()).ToArray();
            await db.Database.ExecuteSqlAsync($"DELETE FROM outbox_messages WHERE payload->>'RunId' = ANY({names})", ct);
            outbox.Add(db, new UserRunsErased(context.Message.ErasureId, tenant, ids));
            await db.SaveChangesAsync(ct);
            return ids;
        }, context.CancellationToken);
        if (runs.Count > 0) outbox.Committed();
        logger.LogInformation("User erasure {ErasureId}: {Count} runs erased", context.Message.ErasureId, runs.Count);
    }
}
