using LlmLab.Analytics.Data;
using LlmLab.Contracts.Messages;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.TenantData;

/// <summary>Erases a tenant's rows of the analytics read model (every view and export is computed from them).</summary>
public sealed class EraseAnalyticsConsumer(AnalyticsDbContext db, ILogger<EraseAnalyticsConsumer> logger) : IConsumer<TenantErasureRequested>
{
    public async Task Consume(ConsumeContext<TenantErasureRequested> context)
    {
        var tenant = context.Message.TenantId;
        var erased = await db.ScoredResponses.Where(r => r.TenantId == tenant).ExecuteDeleteAsync(context.CancellationToken);
        logger.LogInformation("Erasure {ErasureId}: {Count} scored responses erased", context.Message.ErasureId, erased);
    }
}
