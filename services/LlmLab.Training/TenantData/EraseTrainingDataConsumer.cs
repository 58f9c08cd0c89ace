using LlmLab.Contracts.Messages;
using LlmLab.ServiceKit;
using LlmLab.Training.Data;
using LlmLab.Training.Grpc;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Training.TenantData;

/// <summary>
/// Erases a tenant's training jobs with their losses and checkpoints, its trained models and test submissions, in one
/// transaction; then this replica forgets the tenant's loaded networks.
/// </summary>
public sealed class EraseTrainingDataConsumer(TrainingDbContext db, TrainedModelCache models, ILogger<EraseTrainingDataConsumer> logger)
    : IConsumer<TenantErasureRequested>
{
    public async Task Consume(ConsumeContext<TenantErasureRequested> context)
    {
        var tenant = context.Message.TenantId;
        var erased = await db.InTransactionAsync(async ct =>
        {
            var jobs = db.Jobs.Where(j => j.TenantId == tenant);
            await db.Checkpoints.Where(c => jobs.Any(j => j.Id == c.JobId)).ExecuteDeleteAsync(ct);
            await db.Steps.Where(s => jobs.Any(j => j.Id == s.JobId)).ExecuteDeleteAsync(ct);
            await db.HoldoutPoints.Where(p => jobs.Any(j => j.Id == p.JobId)).ExecuteDeleteAsync(ct);
            await db.Models.Where(m => m.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.TestSubmissions.Where(s => s.TenantId == tenant).ExecuteDeleteAsync(ct);
            return await jobs.ExecuteDeleteAsync(ct);
        }, context.CancellationToken);
        models.Forget(tenant);
        logger.LogInformation("Erasure {ErasureId}: {Count} training jobs, their models and the tenant's test submissions erased", context.Message.ErasureId, erased);
    }
}
