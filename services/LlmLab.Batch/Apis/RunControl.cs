using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.Contracts.Messages;
using LlmLab.Messaging;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>
/// The status machine of a run, each transition one conditional UPDATE (so two callers cannot both win) in the same
/// transaction as the commands it dispatches: pending → running ⇄ paused → completed | completed_with_errors | failed |
/// cancelled, and failed items of a finished run back to running.
/// </summary>
public sealed class RunControl(BatchDbContext db, Outbox outbox, TimeProvider time)
{
    public enum Outcome { Done, NotFound, NotAllowed }

    public Task<Outcome> StartAsync(Guid id, string tenantId, CancellationToken ct) =>
        TransitionAsync(id, tenantId, [RunStatus.Pending, RunStatus.Paused], RunStatus.Running, resetFailed: false, ct);

    public Task<Outcome> RetryErrorsAsync(Guid id, string tenantId, CancellationToken ct) =>
        TransitionAsync(id, tenantId, [RunStatus.CompletedWithErrors, RunStatus.Failed], RunStatus.Running, resetFailed: true, ct);

    public async Task<Outcome> PauseAsync(Guid id, string tenantId, CancellationToken ct)
    {
        var changed = await db.Runs.Where(r => r.Id == id && r.TenantId == tenantId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Paused), ct);
        return changed == 1 ? Outcome.Done : await MissingOrNotAllowedAsync(id, tenantId, ct);
    }

    /// <summary>Cancels a run that has not finished; deletes a finished one with everything it produced.</summary>
    public async Task<(Outcome Outcome, bool Deleted)> CancelOrDeleteAsync(Guid id, string tenantId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var cancelled = await db.Runs.Where(r => r.Id == id && r.TenantId == tenantId
                && (r.Status == RunStatus.Pending || r.Status == RunStatus.Running || r.Status == RunStatus.Paused))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Cancelled).SetProperty(r => r.FinishedAt, now), ct);
        if (cancelled == 1) return (Outcome.Done, false);

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

    private async Task<Outcome> TransitionAsync(Guid id, string tenantId, RunStatus[] from, RunStatus to, bool resetFailed, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var refused = await db.InTransactionAsync<Outcome?>(async token =>
        {
            var changed = await db.Runs.Where(r => r.Id == id && r.TenantId == tenantId && from.Contains(r.Status))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, to)
                    .SetProperty(r => r.StartedAt, r => r.StartedAt ?? now)
                    .SetProperty(r => r.FinishedAt, (DateTimeOffset?)null)
                    .SetProperty(r => r.FailedItems, r => resetFailed ? 0 : r.FailedItems), token);
            if (changed == 0) return await MissingOrNotAllowedAsync(id, tenantId, token);

            if (resetFailed)
            {
                await db.WorkItems.Where(w => w.RunId == id && w.Status == WorkItemStatus.Failed)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WorkItemStatus.Pending).SetProperty(w => w.Error, (string?)null).SetProperty(w => w.FinishedAt, (DateTimeOffset?)null), token);
            }
            // Every pending item gets a command; one already queued is harmless (the worker claims an item once).
            var pending = await db.WorkItems.Where(w => w.RunId == id && w.Status == WorkItemStatus.Pending).Select(w => w.Id).ToListAsync(token);
            foreach (var item in pending) outbox.Add(db, new GenerateResponse(item, id, tenantId));
            if (pending.Count == 0)
            {
                var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == id, token);
                var outcome = RunStatusExtensions.Outcome(run.CompletedItems, run.FailedItems);
                await db.Runs.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, outcome).SetProperty(r => r.FinishedAt, now), token);
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
