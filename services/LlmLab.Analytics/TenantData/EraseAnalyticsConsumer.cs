using LlmLab.Analytics.Data;
using LlmLab.Contracts.Messages;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.TenantData;

/// <summary>Erases a tenant's rows of the analytics read model (every view and export is computed from them), gates, finished runs, alerts, webhooks, people's feedback and the weight profiles fitted to it.</summary>
public sealed class EraseAnalyticsConsumer(AnalyticsDbContext db, ILogger<EraseAnalyticsConsumer> logger) : IConsumer<TenantErasureRequested>
{
    public async Task Consume(ConsumeContext<TenantErasureRequested> context)
    {
        var tenant = context.Message.TenantId;
        var ct = context.CancellationToken;
        var erased = await db.ScoredResponses.Where(r => r.TenantId == tenant).ExecuteDeleteAsync(ct);
        await db.GateResults.Where(r => r.TenantId == tenant).ExecuteDeleteAsync(ct);
        await db.GateDefinitions.Where(g => g.TenantId == tenant).ExecuteDeleteAsync(ct);
        await db.FinishedRuns.Where(r => r.TenantId == tenant).ExecuteDeleteAsync(ct);
        await db.WebhookDeliveries.Where(d => d.TenantId == tenant).ExecuteDeleteAsync(ct);
        await db.Webhooks.Where(w => w.TenantId == tenant).ExecuteDeleteAsync(ct);
        await db.Alerts.Where(a => a.TenantId == tenant).ExecuteDeleteAsync(ct);
        await db.Feedback.Where(f => f.TenantId == tenant).ExecuteDeleteAsync(ct);
        await db.WeightProfiles.Where(p => p.TenantId == tenant).ExecuteDeleteAsync(ct);
        logger.LogInformation("Erasure {ErasureId}: {Count} scored responses erased", context.Message.ErasureId, erased);
    }
}
