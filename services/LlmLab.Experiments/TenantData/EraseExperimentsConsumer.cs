using LlmLab.Contracts.Messages;
using LlmLab.Experiments.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Experiments.TenantData;

/// <summary>Erases every experiment of a tenant, deleted ones included (deletes through the API are soft).</summary>
public sealed class EraseExperimentsConsumer(ExperimentsDbContext db, ILogger<EraseExperimentsConsumer> logger) : IConsumer<TenantErasureRequested>
{
    public async Task Consume(ConsumeContext<TenantErasureRequested> context)
    {
        var tenant = context.Message.TenantId;
        var erased = await db.Experiments.IgnoreQueryFilters().Where(e => e.TenantId == tenant).ExecuteDeleteAsync(context.CancellationToken);
        logger.LogInformation("Erasure {ErasureId}: {Count} experiments erased", context.Message.ErasureId, erased);
    }
}
