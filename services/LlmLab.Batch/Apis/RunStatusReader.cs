using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>Reads a run's status view: counters from the run row, previews from its scored responses.</summary>
public sealed class RunStatusReader(BatchDbContext db, TimeProvider time, RunPreviewCache cache)
{
    /// <summary>Failed and cancelled items by kind, with one message of each as an example.</summary>
    public Task<IReadOnlyList<FailureSummary>> FailuresAsync(BatchRun run, CancellationToken ct) =>
        cache.GetOrReadAsync(run, "failures", () => ReadFailuresAsync(run.Id, ct));

    private async Task<IReadOnlyList<FailureSummary>> ReadFailuresAsync(Guid runId, CancellationToken ct)
    {
        var rows = await db.WorkItems.AsNoTracking().Where(w => w.RunId == runId && w.ErrorKind != null)
            .GroupBy(w => w.ErrorKind!)
            .Select(g => new FailureSummary(g.Key, g.Count(), g.Min(w => w.ErrorMessage) ?? ""))
            .ToListAsync(ct);
        return rows.OrderByDescending(f => f.Count).ThenBy(f => f.Kind, StringComparer.Ordinal).ToList();
    }

    public Task<BatchRun?> FindRunAsync(Guid id, string tenantId, CancellationToken ct) =>
        db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.TenantId == tenantId, ct);

    public async Task<RunStatusView> ReadAsync(BatchRun run, CancellationToken ct)
    {
        var preview = await cache.GetOrReadAsync(run, "preview", () => ReadPreviewAsync(run.Id, ct));
        var done = run.CompletedItems + run.FailedItems;
        var progress = run.TotalItems == 0 ? 100 : Math.Round(100.0 * done / run.TotalItems, 2);
        return new RunStatusView(run.Id, run.ExperimentId, run.Status, progress, run.CompletedItems, run.FailedItems, run.TotalItems,
            preview.Latest, EstimateCompletion(run, done), preview.Results, run.CreatedAt, run.StartedAt, run.FinishedAt);
    }

    private async Task<Preview> ReadPreviewAsync(Guid runId, CancellationToken ct)
    {
        var (average, best, latest, optimal) = await RunPreview.ReadAsync(db, runId, ct);
        return new Preview(latest, new ResultsPreview(Round(best), Round(average), optimal));
    }

    private sealed record Preview(ParameterSet? Latest, ResultsPreview Results);

    private DateTimeOffset? EstimateCompletion(BatchRun run, int done)
    {
        if (run.Status.IsFinal()) return run.FinishedAt;
        // A paused run has no pace to extrapolate.
        if (run.Status == RunStatus.Paused) return null;
        if (run.StartedAt is not { } started || done == 0) return null;
        var now = time.GetUtcNow();
        var perItem = (now - started) / done;
        return now + perItem * (run.TotalItems - done);
    }

    private static double? Round(double? value) => value is null ? null : Math.Round(value.Value, 2);
}
