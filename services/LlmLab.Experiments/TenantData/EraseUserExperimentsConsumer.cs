using LlmLab.Contracts.Messages;
using LlmLab.Experiments.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Experiments.TenantData;

/// <summary>Erases every experiment an erased user created, deleted ones included.</summary>
public sealed class EraseUserExperimentsConsumer(ExperimentsDbContext db, ILogger<EraseUserExperimentsConsumer> logger) : IConsumer<UserErasureRequested>
{
    public async Task Consume(ConsumeContext<UserErasureRequested> context)
    {
        var (tenant, subject) = (context.Message.TenantId, context.Message.SubjectId);
        var erased = await db.Experiments.IgnoreQueryFilters().Where(e => e.TenantId == tenant && e.CreatedBy == subject)
            .ExecuteDeleteAsync(context.CancellationToken);
        logger.LogInformation("User erasure {ErasureId}: {Count} experiments erased", context.Message.ErasureId, erased);
    }
}
