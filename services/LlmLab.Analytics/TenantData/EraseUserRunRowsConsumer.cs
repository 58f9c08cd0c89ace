using LlmLab.Analytics.Data;
using LlmLab.Contracts.Messages;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.TenantData;

/// <summary>Erases the read model's rows of the runs batch erased with their owner.</summary>
public sealed class EraseUserRunRowsConsumer(AnalyticsDbContext db, ILogger<EraseUserRunRowsConsumer> logger) : IConsumer<UserRunsErased>
{
    public async Task Consume(ConsumeContext<UserRunsErased> context)
    {
        var (tenant, runs) = (context.Message.TenantId, context.Message.RunIds.ToList());
        var erased = await db.ScoredResponses.Where(r => r.TenantId == tenant && runs.Contains(r.RunId)).ExecuteDeleteAsync(context.CancellationToken);
        logger.LogInformation("User erasure {ErasureId}: {Count} scored responses erased", context.Message.ErasureId, erased);
    }
}
