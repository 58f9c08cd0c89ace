using LlmLab.Analytics.Data;
using LlmLab.Analytics.Rollups;
using LlmLab.ServiceKit;
using LlmLab.Contracts.Messages;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LlmLab.Analytics.TenantData;

/// <summary>
/// Erases a tenant's rows of the analytics read model (every view and export is computed from them), gates (of experiments
/// and evaluations), finished runs and evaluations, alerts, webhooks, people's feedback, the weight profiles fitted to it and annotation queues, in one transaction that also sets the
/// tenant's <see cref="ErasureFence"/>: events of the erased runs still on their way (a chunk recorded while the erasure
/// ran) are dropped when they arrive.
/// </summary>
public sealed class EraseAnalyticsConsumer(AnalyticsDbContext db, ILogger<EraseAnalyticsConsumer> logger) : IConsumer<TenantErasureRequested>
{
    public async Task Consume(ConsumeContext<TenantErasureRequested> context)
    {
        var tenant = context.Message.TenantId;
        var erased = await db.InTransactionAsync(async ct =>
        {
            // Exclusively: writers already inside finish first, later ones wait and then find the fence.
            await db.Database.ExecuteSqlRawAsync(RollupSchema.WriterLock("@tenant", exclusive: true), [new NpgsqlParameter("tenant", tenant)], ct);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO tenant_erasures (tenant_id, run_cutoff, erased_at) VALUES ({tenant}, {ErasureFence.RunCutoff(context.Message.RequestedAt)}, {context.Message.RequestedAt.ToUniversalTime()})
                ON CONFLICT (tenant_id) DO UPDATE SET run_cutoff = GREATEST(tenant_erasures.run_cutoff, EXCLUDED.run_cutoff),
                    erased_at = GREATEST(tenant_erasures.erased_at, EXCLUDED.erased_at)
                """, ct);
            var rows = await db.ScoredResponses.Where(r => r.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.GateResults.Where(r => r.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.GateDefinitions.Where(g => g.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.FinishedRuns.Where(r => r.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.EvaluationGateDefinitions.Where(g => g.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.FinishedEvaluations.Where(e => e.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.WebhookDeliveries.Where(d => d.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.Webhooks.Where(w => w.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.Alerts.Where(a => a.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.Feedback.Where(f => f.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.WeightProfiles.Where(p => p.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.AnnotationAssignments.Where(a => a.TenantId == tenant).ExecuteDeleteAsync(ct);
            await db.AnnotationQueues.Where(q => q.TenantId == tenant).ExecuteDeleteAsync(ct);
            return rows;
        }, context.CancellationToken);
        logger.LogInformation("Erasure {ErasureId}: {Count} scored responses erased", context.Message.ErasureId, erased);
    }
}
