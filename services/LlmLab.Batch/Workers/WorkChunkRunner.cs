using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Workers;

/// <summary>Runs a chunk of one run's work items: the pending ones are generated, scored and recorded together.</summary>
public sealed class WorkChunkRunner(
    BatchDbContext db, WorkItemExecutor executor, ResultRecorder recorder, InFlightRuns inFlight, ILogger<WorkChunkRunner> logger)
{
    public async Task RunAsync(Guid runId, IReadOnlyCollection<Guid> workItemIds, CancellationToken cancellationToken)
    {
        var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
        // Paused: the items stay pending and are dispatched again on resume. Cancelled or finished: nothing to do.
        if (run is null || run.Status != RunStatus.Running) return;
        var ids = workItemIds.ToArray();
        var items = await db.WorkItems.AsNoTracking()
            .Where(w => ids.Contains(w.Id) && w.RunId == runId && w.Status == WorkItemStatus.Pending)
            .OrderBy(w => w.CombinationIndex).ThenBy(w => w.Repetition)
            .ToListAsync(cancellationToken);
        if (items.Count == 0)
        {
            logger.LogDebug("Chunk of run {RunId}: every item already handled; acknowledging", runId);
            return;
        }

        IReadOnlyList<ExecutionResult> results;
        using (var call = inFlight.Track(run.Id))
        using (var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.Cancelled))
        {
            try
            {
                results = await executor.ExecuteAsync(run, items, either.Token);
            }
            catch (OperationCanceledException) when (call.Cancelled.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // The run was cancelled: its calls were aborted and the items already marked cancelled with the run.
                logger.LogInformation("Chunk of run {RunId}: {Count} calls aborted, the run was cancelled", run.Id, items.Count);
                return;
            }
        }
        var recorded = await recorder.RecordAsync(run, items, results, cancellationToken);
        if (recorded < items.Count)
        {
            logger.LogInformation("Chunk of run {RunId}: {Dropped} of {Count} results dropped, recorded by another delivery or cancelled",
                run.Id, items.Count - recorded, items.Count);
        }
    }
}
