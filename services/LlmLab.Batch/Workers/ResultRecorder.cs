using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.Contracts.Messages;
using LlmLab.Messaging;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace LlmLab.Batch.Workers;

/// <summary>
/// Stores a work item's outcome in one transaction: claims the item (only a pending item can be claimed, so a
/// redelivered command records nothing twice), writes response and metrics, moves the run's counters, and queues
/// the events in the outbox.
/// </summary>
public sealed class ResultRecorder(BatchDbContext db, Outbox outbox, TimeProvider time)
{
    public async Task<bool> RecordAsync(BatchRun run, WorkItem item, ExecutionResult result, CancellationToken cancellationToken)
    {
        var recorded = await db.InTransactionAsync(async ct =>
        {
            var now = time.GetUtcNow();
            var failure = result.Failure;
            var succeeded = failure is null;

            // Only a pending item can be claimed: a redelivered command, or a call that ended after its run was
            // cancelled (cancelling marks every pending item), records nothing.
            var claimed = await db.WorkItems
                .Where(w => w.Id == item.Id && w.Status == WorkItemStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(w => w.Status, succeeded ? WorkItemStatus.Completed : WorkItemStatus.Failed)
                    .SetProperty(w => w.ErrorKind, failure == null ? null : failure.Kind)
                    .SetProperty(w => w.ErrorMessage, failure == null ? null : failure.Message)
                    .SetProperty(w => w.ProviderStatus, failure == null ? null : failure.ProviderStatus)
                    .SetProperty(w => w.Attempts, failure == null ? null : failure.Attempts)
                    .SetProperty(w => w.FinishedAt, now), ct);
            if (claimed == 0)
            {
                return false;
            }

            if (succeeded)
            {
                var response = ToResponse(run, item, result, now);
                db.Responses.Add(response);
                outbox.Add(db, ScoredEvents.From(item, response));
            }
            await db.SaveChangesAsync(ct);

            var c = await IncrementCountersAsync(run.Id, succeeded, ct);
            if (c.CompletedItems + c.FailedItems == c.TotalItems)
            {
                var outcome = RunLifecycle.Outcome(c.CompletedItems, c.FailedItems);
                var finishing = RunLifecycle.Finishing;
                var finished = await db.Runs.Where(r => r.Id == run.Id && finishing.Contains(r.Status))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, outcome).SetProperty(r => r.FinishedAt, now), ct);
                if (finished == 1)
                {
                    outbox.Add(db, new BatchRunFinished(run.Id, run.ExperimentId, run.TenantId, outcome.ToString(), c.CompletedItems, c.FailedItems, now));
                    await db.SaveChangesAsync(ct);
                }
            }

            return true;
        }, cancellationToken);
        if (recorded) outbox.Committed();
        return recorded;
    }

    private static StoredResponse ToResponse(BatchRun run, WorkItem item, ExecutionResult result, DateTimeOffset now)
    {
        var generated = result.Generated!;
        var id = Guid.CreateVersion7();
        return new StoredResponse
        {
            Id = id,
            WorkItemId = item.Id,
            RunId = run.Id,
            ExperimentId = run.ExperimentId,
            TenantId = run.TenantId,
            Content = generated.Content,
            Temperature = item.Temperature,
            TopP = item.TopP,
            FrequencyPenalty = item.FrequencyPenalty,
            PresencePenalty = item.PresencePenalty,
            MaxTokens = item.MaxTokens,
            Seed = item.Seed,
            Provider = generated.Provider,
            Model = generated.Model,
            FinishReason = generated.FinishReason,
            PromptTokens = generated.PromptTokens,
            CompletionTokens = generated.CompletionTokens,
            TotalTokens = generated.TotalTokens,
            ResponseTimeMs = generated.LatencyMs,
            CostUsd = generated.CostUsd,
            CreatedAt = now,
            Metrics = ResponseMetrics.From(id, result.Scored!.Metrics, result.Scored.AnalysisVersion, result.Scored.Errors, result.Scored.Details),
        };
    }

    /// <summary>Moves the run's counters in the database (never read-modify-write in memory) and returns them.</summary>
    private async Task<RunCounters> IncrementCountersAsync(Guid runId, bool succeeded, CancellationToken cancellationToken)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command)
        {
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = """
                UPDATE batch_runs
                   SET completed_items = completed_items + @completed, failed_items = failed_items + @failed
                 WHERE id = @id
                RETURNING completed_items, failed_items, total_items, status
                """;
            command.Parameters.Add(new NpgsqlParameter("completed", succeeded ? 1 : 0));
            command.Parameters.Add(new NpgsqlParameter("failed", succeeded ? 0 : 1));
            command.Parameters.Add(new NpgsqlParameter("id", runId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new RunCounters(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3));
        }
    }

    private sealed record RunCounters(int CompletedItems, int FailedItems, int TotalItems, string Status);
}
