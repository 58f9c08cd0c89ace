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
/// Stores a chunk's outcomes in one transaction: claims the items still pending (only a pending item can be claimed, so
/// a redelivered command records nothing twice), inserts the responses and metrics in one statement each (<see cref="ResponseRows"/>), moves the
/// run's counters once, and queues one analytics event for the chunk in the outbox.
/// </summary>
public sealed class ResultRecorder(BatchDbContext db, Outbox outbox, TimeProvider time)
{
    /// <summary>Returns how many of the items this call recorded (the others were recorded by another delivery or cancelled).</summary>
    public async Task<int> RecordAsync(BatchRun run, IReadOnlyList<WorkItem> items, IReadOnlyList<ExecutionResult> results, CancellationToken cancellationToken)
    {
        // The transaction is the unit (retried whole): no savepoint round trips around the SaveChanges inside it.
        db.Database.AutoSavepointsEnabled = false;
        var recorded = await db.InTransactionAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            var now = time.GetUtcNow();
            // Only a pending item can be claimed: a redelivered command, or a call that ended after its run was
            // cancelled (cancelling marks every pending item), records nothing. The claim locks the rows, so a second
            // delivery of the same chunk waits here and then finds nothing left to claim.
            var claimed = await ClaimAsync(items.Select(i => i.Id).ToArray(), ct);
            if (claimed.Count == 0) return 0;

            var scored = new List<ResponseScored>();
            var responses = new List<StoredResponse>();
            var failed = 0;
            for (var i = 0; i < items.Count; i++)
            {
                if (!claimed.Contains(items[i].Id)) continue;
                if (results[i].Failure is { } failure)
                {
                    failed++;
                    await MarkFailedAsync(items[i].Id, failure, now, ct);
                    continue;
                }
                var response = ToResponse(run, items[i], results[i], now);
                responses.Add(response);
                scored.Add(ScoredEvents.From(items[i], response));
            }
            if (scored.Count > 0)
            {
                await ResponseRows.InsertAsync(db, responses, ct);
                var succeeded = scored.Select(e => e.WorkItemId).ToArray();
                await db.WorkItems.Where(w => succeeded.Contains(w.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WorkItemStatus.Completed).SetProperty(w => w.FinishedAt, now), ct);
                outbox.Add(db, new ResponsesScored(scored));
            }
            await db.SaveChangesAsync(ct);

            var c = await IncrementCountersAsync(run.Id, scored.Count, failed, ct);
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
            return claimed.Count;
        }, cancellationToken);
        if (recorded > 0) outbox.Committed();
        return recorded;
    }

    /// <summary>Locks the items of the chunk that are still pending and returns their ids; the others are left alone.</summary>
    private async Task<HashSet<Guid>> ClaimAsync(Guid[] ids, CancellationToken ct)
    {
        var pending = WorkItemStatus.Pending.ToString();
        var claimed = await db.Database
            .SqlQueryRaw<Guid>("SELECT id AS \"Value\" FROM work_items WHERE id = ANY({0}) AND status = {1} FOR UPDATE", ids, pending)
            .ToListAsync(ct);
        return [.. claimed];
    }

    private Task<int> MarkFailedAsync(Guid id, CallFailure failure, DateTimeOffset now, CancellationToken ct) =>
        db.WorkItems.Where(w => w.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(w => w.Status, WorkItemStatus.Failed)
            .SetProperty(w => w.ErrorKind, failure.Kind)
            .SetProperty(w => w.ErrorMessage, failure.Message)
            .SetProperty(w => w.ProviderStatus, failure.ProviderStatus)
            .SetProperty(w => w.Attempts, failure.Attempts)
            .SetProperty(w => w.FinishedAt, now), ct);

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

    /// <summary>Moves the run's counters in the database, once per chunk (never read-modify-write in memory), and returns them.</summary>
    private async Task<RunCounters> IncrementCountersAsync(Guid runId, int completed, int failed, CancellationToken cancellationToken)
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
            command.Parameters.Add(new NpgsqlParameter("completed", completed));
            command.Parameters.Add(new NpgsqlParameter("failed", failed));
            command.Parameters.Add(new NpgsqlParameter("id", runId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new RunCounters(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3));
        }
    }

    private sealed record RunCounters(int CompletedItems, int FailedItems, int TotalItems, string Status);
}
