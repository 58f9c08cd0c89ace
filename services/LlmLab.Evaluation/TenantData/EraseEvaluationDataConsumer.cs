using LlmLab.Contracts.Messages;
using LlmLab.Evaluation.Data;
using LlmLab.ServiceKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Evaluation.TenantData;

/// <summary>
/// Erases a tenant's results, evaluations, datasets (versions and items) and its commands still waiting in the outbox,
/// in one transaction: either all of it is gone or (after a crash) nothing is, and the redelivered message erases it then.
/// </summary>
public sealed class EraseEvaluationDataConsumer(EvaluationDbContext db, ILogger<EraseEvaluationDataConsumer> logger) : IConsumer<TenantErasureRequested>
{
    public async Task Consume(ConsumeContext<TenantErasureRequested> context)
    {
        var tenant = context.Message.TenantId;
        var evaluations = await db.InTransactionAsync(async ct =>
        {
            await db.EvaluationItems.Where(i => i.TenantId == tenant).ExecuteDeleteAsync(ct);
            var erased = await db.Evaluations.Where(e => e.TenantId == tenant).ExecuteDeleteAsync(ct);
            var datasets = db.Datasets.Where(d => d.TenantId == tenant && !d.Builtin);
            await db.DatasetItems.Where(i => datasets.Any(d => d.Id == i.DatasetId)).ExecuteDeleteAsync(ct);
            await db.DatasetVersions.Where(v => datasets.Any(d => d.Id == v.DatasetId)).ExecuteDeleteAsync(ct);
            await datasets.ExecuteDeleteAsync(ct);
            // Unsent EvaluateItem commands name the tenant; messages are stored as JSON with their property names.
            await db.Database.ExecuteSqlAsync($"DELETE FROM outbox_messages WHERE payload->>'TenantId' = {tenant}", ct);
            return erased;
        }, context.CancellationToken);
        logger.LogInformation("Erasure {ErasureId}: {Count} evaluations, their results and the tenant's datasets erased", context.Message.ErasureId, evaluations);
    }
}
