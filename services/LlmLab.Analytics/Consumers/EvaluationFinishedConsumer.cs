using LlmLab.Analytics.Data;
using LlmLab.Analytics.Rollups;
using LlmLab.Analytics.TenantData;
using LlmLab.Contracts.Messages;
using LlmLab.ServiceKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LlmLab.Analytics.Consumers;

/// <summary>
/// Records a finished evaluation for <see cref="EvaluationGates.EvaluationGateProcessor"/> (processed by the finished-runs loop).
/// A redelivery changes nothing; an erased tenant's evaluation is never recorded.
/// </summary>
public sealed class EvaluationFinishedConsumer(AnalyticsDbContext db, TimeProvider time) : IConsumer<EvaluationFinished>
{
    public Task Consume(ConsumeContext<EvaluationFinished> context)
    {
        var m = context.Message;
        return db.InTransactionAsync(async ct =>
        {
            await db.Database.ExecuteSqlRawAsync(RollupSchema.WriterLock("@tenant", exclusive: false), [new NpgsqlParameter("tenant", m.TenantId)], ct);
            var sql = $"""
                INSERT INTO finished_evaluations (evaluation_id, tenant_id, dataset_id, status, completed, failed, finished_at, received_at, processed_at)
                SELECT @evaluation, @tenant, @dataset, @status, @completed, @failed, @finished, @received, NULL
                WHERE NOT {ErasureFence.Erased("@tenant", "@evaluation")}
                ON CONFLICT (evaluation_id) DO NOTHING
                """;
            return await db.Database.ExecuteSqlRawAsync(sql,
            [
                new NpgsqlParameter("evaluation", m.EvaluationId), new NpgsqlParameter("tenant", m.TenantId), new NpgsqlParameter("dataset", m.DatasetId),
                new NpgsqlParameter("status", m.Status), new NpgsqlParameter("completed", m.Completed), new NpgsqlParameter("failed", m.Failed),
                new NpgsqlParameter("finished", m.FinishedAt.ToUniversalTime()), new NpgsqlParameter("received", time.GetUtcNow()),
            ], ct);
        }, context.CancellationToken);
    }
}
