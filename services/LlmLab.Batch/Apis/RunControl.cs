using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.Batch.Workers;
using LlmLab.Contracts.Messages;
using LlmLab.Messaging;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>
/// Start, pause, cancel and retry of a run. Each is one conditional UPDATE whose allowed sources come from
/// <see cref="RunLifecycle"/> (so two callers cannot both win), in the same transaction as the commands and events
/// it queues.
/// </summary>
public sealed class RunControl(BatchDbContext db, Outbox outbox, WorkChunking chunking, TimeProvider time)
{
    public enum Outcome { Done, NotFound, NotAllowed }

    private static readonly RunStatus[] Startable = RunLifecycle.SourcesOf(RunStatus.Running).Where(s => !s.IsFinal()).ToArray();
    private static readonly RunStatus[] Retryable = RunLifecycle.SourcesOf(RunStatus.Running).Where(s => s.IsFinal()).ToArray();
    private static readonly RunStatus[] Pausable = RunLifecycle.SourcesOf(RunStatus.Paused);
    private static readonly RunStatus[] Cancellable = RunLifecycle.SourcesOf(RunStatus.Cancelled);

    public Task<Outcome> StartAsync(Guid id, string tenantId, CancellationToken ct) =>
        TransitionAsync(id, tenantId, Startable, resetFailed: false, ct);

    public Task<Outcome> RetryErrorsAsync(Guid id, string tenantId, CancellationToken ct) =>
        TransitionAsync(id, tenantId, Retryable, resetFailed: true, ct);

    /// <summary>Nothing new starts; calls in flight finish and are recorded (the status then shows exactly those).</summary>
    public async Task<Outcome> PauseAsync(Guid id, string tenantId, CancellationToken ct)
    {
        var changed = await db.Runs.Where(r => r.Id == id && r.TenantId == tenantId && Pausable.Contains(r.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Paused), ct);
        return changed == 1 ? Outcome.Done : await MissingOrNotAllowedAsync(id, tenantId, ct);
    }

    /// <summary>
    /// Cancels a run that has not finished: in one transaction the run becomes cancelled and every item not yet
    /// recorded becomes cancelled, so its counts are final at once (a call still in flight can no longer claim its
    /// item, and workers abort such calls). Deletes a finished run with everything it produced.
    /// </summary>
    public async Task<(Outcome Outcome, bool Deleted)> CancelOrDeleteAsync(Guid id, string tenantId, CancellationToken ct)
    {
        if (await CancelAsync(id, tenantId, ct)) return (Outcome.Done, false);

        var found = await db.InTransactionAsync(async token =>
        {
            if (!await db.Runs.AnyAsync(r => r.Id == id && r.TenantId == tenantId, token)) return false;
            await db.Metrics.Where(m => db.Responses.Any(r => r.Id == m.ResponseId && r.RunId == id)).ExecuteDeleteAsync(token);
            await db.Responses.Where(r => r.RunId == id).ExecuteDeleteAsync(token);
            await db.WorkItems.Where(w => w.RunId == id).ExecuteDeleteAsync(token);
            await db.Runs.Where(r => r.Id == id).ExecuteDeleteAsync(token);
            return true;
        }, ct);
        return found ? (Outcome.Done, true) : (Outcome.NotFound, false);
    }

    /// <summary>Cancels the run if it has not finished (see <see cref="CancelOrDeleteAsync"/>); false when it is missing or final.</summary>
    public async Task<bool> CancelAsync(Guid id, string tenantId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cancelled = await db.InTransactionAsync(async token =>
        {
            var changed = await db.Runs.Where(r => r.Id == id && r.TenantId == tenantId && Cancellable.Contains(r.Status))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Cancelled).SetProperty(r => r.FinishedAt, now), token);
            if (changed == 0) return false;
            await db.WorkItems.Where(w => w.RunId == id && w.Status == WorkItemStatus.Pending)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(w => w.Status, WorkItemStatus.Cancelled)
                    .SetProperty(w => w.ErrorKind, CallFailure.Cancelled)
                    .SetProperty(w => w.ErrorMessage, "The run was cancelled before this call finished.")
                    .SetProperty(w => w.FinishedAt, now), token);
            var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == id, token);
            outbox.Add(db, new BatchRunFinished(id, run.ExperimentId, tenantId, nameof(RunStatus.Cancelled), run.CompletedItems, run.FailedItems, now));
            await db.SaveChangesAsync(token);
            return true;
        }, ct);
        if (cancelled) outbox.Committed();
        return cancelled;
    }

    private async Task<Outcome> TransitionAsync(Guid id, string tenantId, RunStatus[] from, bool resetFailed, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var refused = await db.InTransactionAsync<Outcome?>(async token =>
        {
            var changed = await db.Runs.Where(r => r.Id == id && r.TenantId == tenantId && from.Contains(r.Status))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, RunStatus.Running)
                    .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now)
                    .SetProperty(r => r.FinishedAt, (DateTimeOffset?)null)
                    .SetProperty(r => r.FailedItems, r => resetFailed ? 0 : r.FailedItems), token);
            if (changed == 0) return await MissingOrNotAllowedAsync(id, tenantId, token);

            if (resetFailed)
            {
                await db.WorkItems.Where(w => w.RunId == id && w.Status == WorkItemStatus.Failed)
                    .ExecuteUpdateAsync(s => s
                        .SetProperty(w => w.Status, WorkItemStatus.Pending)
                        .SetProperty(w => w.ErrorKind, (string?)null)
                        .SetProperty(w => w.ErrorMessage, (string?)null)
                        .SetProperty(w => w.ProviderStatus, (int?)null)
                        .SetProperty(w => w.Attempts, (int?)null)
                        .SetProperty(w => w.FinishedAt, (DateTimeOffset?)null), token);
            }
            var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == id, token);
            outbox.Add(db, new BatchRunStarted(id, run.ExperimentId, tenantId, now));
            // Every pending item is in a queued chunk; one already queued is harmless (the worker claims an item once).
            var pending = await db.WorkItems.Where(w => w.RunId == id && w.Status == WorkItemStatus.Pending).Select(w => w.Id).ToListAsync(token);
            await outbox.InsertAsync(db, chunking.Commands(id, tenantId, pending).ToList(), token);
            if (pending.Count == 0)
            {
                var outcome = RunLifecycle.Outcome(run.CompletedItems, run.FailedItems);
                await db.Runs.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, outcome).SetProperty(r => r.FinishedAt, now), token);
                outbox.Add(db, new BatchRunFinished(id, run.ExperimentId, tenantId, outcome.ToString(), run.CompletedItems, run.FailedItems, now));
            }
            await db.SaveChangesAsync(token);
            return (Outcome?)null;
        }, ct);
        if (refused is { } answer) return answer;
        outbox.Committed();
        return Outcome.Done;
    }

    private async Task<Outcome> MissingOrNotAllowedAsync(Guid id, string tenantId, CancellationToken ct) =>
        await db.Runs.AnyAsync(r => r.Id == id && r.TenantId == tenantId, ct) ? Outcome.NotAllowed : Outcome.NotFound;
}
