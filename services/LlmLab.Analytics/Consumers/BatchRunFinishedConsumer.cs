using System.Text.Json;
using LlmLab.Analytics.Data;
using LlmLab.Contracts.Messages;
using MassTransit;
using LlmLab.Analytics.Rollups;
using LlmLab.Analytics.TenantData;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LlmLab.Analytics.Consumers;

/// <summary>
/// Records a finished run for <see cref="Runs.FinishedRunProcessor"/>. A redelivery changes nothing; a later finish of the
/// same run (its errors retried) replaces the earlier one and makes the run pending again.
/// </summary>
public sealed class BatchRunFinishedConsumer(AnalyticsDbContext db, TimeProvider time) : IConsumer<BatchRunFinished>
{
    public Task Consume(ConsumeContext<BatchRunFinished> context)
    {
        var m = context.Message;
        return db.InTransactionAsync(async ct =>
        {
            // Under the tenant's writer lock, and never for an erased run: an erasure's gates and alerts stay erased.
            await db.Database.ExecuteSqlRawAsync(RollupSchema.WriterLock("@tenant", exclusive: false), [new NpgsqlParameter("tenant", m.TenantId)], ct);
            var sql = $"""
                INSERT INTO finished_runs (run_id, tenant_id, experiment_id, status, completed, failed, finished_at, received_at, processed_at)
                SELECT @run, @tenant, @experiment, @status, @completed, @failed, @finished, @received, NULL
                WHERE NOT {ErasureFence.Erased("@tenant", "@run")}
                ON CONFLICT (run_id) DO UPDATE SET status = EXCLUDED.status, completed = EXCLUDED.completed, failed = EXCLUDED.failed,
                    finished_at = EXCLUDED.finished_at, received_at = EXCLUDED.received_at, processed_at = NULL
                WHERE finished_runs.finished_at < EXCLUDED.finished_at
                """;
            return await db.Database.ExecuteSqlRawAsync(sql,
            [
                new NpgsqlParameter("run", m.RunId), new NpgsqlParameter("tenant", m.TenantId), new NpgsqlParameter("experiment", m.ExperimentId),
                new NpgsqlParameter("status", JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Status)), new NpgsqlParameter("completed", m.Completed),
                new NpgsqlParameter("failed", m.Failed), new NpgsqlParameter("finished", m.FinishedAt.ToUniversalTime()),
                new NpgsqlParameter("received", time.GetUtcNow()),
            ], ct);
        }, context.CancellationToken);
    }
}
