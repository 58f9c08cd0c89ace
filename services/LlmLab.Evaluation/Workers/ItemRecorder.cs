using LlmLab.Contracts.Messages;
using LlmLab.Evaluation.Data;
using LlmLab.Messaging;
using LlmLab.Evaluation.Domain;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace LlmLab.Evaluation.Workers;

/// <summary>
/// Stores a work item's outcome in one transaction: claims the item (only a pending one, so a redelivered command or a
/// result that arrives after a cancel records nothing), writes answer, scores and trace, moves the evaluation's counters
/// and finishes it when nothing is pending. The evaluation row is locked first, as cancel, resume and parking lock it
/// before its items: taking the item first deadlocked with a cancel (which then failed after its retries).
/// The transaction that finishes the evaluation also writes <see cref="EvaluationFinished"/> to the outbox (analytics
/// evaluates the gate from it), so the event is published exactly when the evaluation really finished.
/// </summary>
public sealed class ItemRecorder(EvaluationDbContext db, Outbox outbox, TimeProvider time)
{
    public async Task<bool> RecordAsync(EvaluationItem item, ItemResult result, CancellationToken cancellationToken)
    {
        var finished = false;
        var recorded = await db.InTransactionAsync(async ct =>
        {
            var now = time.GetUtcNow();
            var status = result.Status;
            await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM evaluations WHERE id = {item.EvaluationId} FOR NO KEY UPDATE").ToListAsync(ct);
            var claimed = await db.EvaluationItems.Where(w => w.Id == item.Id && w.Status == ItemStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, status).SetProperty(w => w.FinishedAt, now), ct);
            if (claimed == 0) return false;

            var row = await db.EvaluationItems.FirstAsync(w => w.Id == item.Id, ct);
            row.Error = result.Error;
            if (result.Outcome is { } o)
            {
                row.Answer = o.Answer;
                row.ExtractedAnswer = o.Extracted;
                row.Scores = result.Scores;
                row.LatencyMs = result.LatencyMs;
                row.PromptTokens = o.Usage.PromptTokens;
                row.CompletionTokens = o.Usage.CompletionTokens;
                row.CostUsd = o.Usage.CostUsd;
                row.Steps = o.Steps;
                row.ToolCalls = o.ToolCalls;
                row.ToolErrors = o.ToolErrors;
                row.Finished = o.Finished;
                row.Trace = o.Trace;
                row.Retrieved = o.Retrieved;
                row.FirstHitRank = result.FirstHitRank;
            }
            await db.SaveChangesAsync(ct);

            var (completed, failed, total) = await IncrementAsync(item.EvaluationId, status != ItemStatus.Failed, ct);
            if (completed + failed == total)
            {
                var outcome = EvaluationLifecycle.Outcome(failed);
                finished = await db.Evaluations.Where(e => e.Id == item.EvaluationId && (e.Status == EvaluationStatus.Running || e.Status == EvaluationStatus.Paused))
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, outcome).SetProperty(e => e.FinishedAt, now), ct) == 1;
                if (finished)
                {
                    var datasetId = await db.Evaluations.Where(e => e.Id == item.EvaluationId).Select(e => e.DatasetId).SingleAsync(ct);
                    outbox.Add(db, new EvaluationFinished(item.EvaluationId, datasetId, item.TenantId, EnumNames.Name(outcome), completed, failed, now));
                    await db.SaveChangesAsync(ct);
                }
            }
            return true;
        }, cancellationToken);
        if (finished) outbox.Committed();
        return recorded;
    }

    /// <summary>Moves the counters in the database (never read-modify-write in memory) and returns them.</summary>
    private async Task<(int Completed, int Failed, int Total)> IncrementAsync(Guid evaluationId, bool answered, CancellationToken ct)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        await using (command)
        {
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = """
                UPDATE evaluations SET completed_items = completed_items + @completed, failed_items = failed_items + @failed
                 WHERE id = @id RETURNING completed_items, failed_items, total_items
                """;
            command.Parameters.Add(new NpgsqlParameter("completed", answered ? 1 : 0));
            command.Parameters.Add(new NpgsqlParameter("failed", answered ? 0 : 1));
            command.Parameters.Add(new NpgsqlParameter("id", evaluationId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        }
    }
}
