using System.Text.Json;
using LlmLab.Analytics.Data;
using LlmLab.Contracts.Messages;
using MassTransit;
using Microsoft.EntityFrameworkCore;

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
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO finished_runs (run_id, tenant_id, experiment_id, status, completed, failed, finished_at, received_at, processed_at)
            VALUES ({m.RunId}, {m.TenantId}, {m.ExperimentId}, {JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Status)}, {m.Completed}, {m.Failed},
                    {m.FinishedAt.ToUniversalTime()}, {time.GetUtcNow()}, NULL)
            ON CONFLICT (run_id) DO UPDATE SET status = EXCLUDED.status, completed = EXCLUDED.completed, failed = EXCLUDED.failed,
                finished_at = EXCLUDED.finished_at, received_at = EXCLUDED.received_at, processed_at = NULL
            WHERE finished_runs.finished_at < EXCLUDED.finished_at
            """, context.CancellationToken);
    }
}
