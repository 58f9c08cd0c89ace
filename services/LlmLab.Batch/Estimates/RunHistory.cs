using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Estimates;

/// <summary>Reads a tenant's history with one provider and model and turns it into an estimate (<see cref="DurationEstimator"/>).</summary>
public sealed class RunHistory(BatchDbContext db, IConfiguration configuration)
{
    public const int RecentRuns = 20;
    public const int RecentCalls = 200;

    public async Task<DurationEstimate> EstimateAsync(string tenantId, string provider, string model, int calls, CancellationToken ct)
    {
        var finished = new[] { RunStatus.Completed, RunStatus.CompletedWithErrors };
        var runs = await db.Runs.AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.Provider == provider && r.Model == model && finished.Contains(r.Status)
                && r.StartedAt != null && r.FinishedAt != null && r.CompletedItems > 0)
            .OrderByDescending(r => r.FinishedAt).Take(RecentRuns)
            .Select(r => new { Calls = r.CompletedItems + r.FailedItems, r.StartedAt, r.FinishedAt })
            .ToListAsync(ct);
        var recent = await db.Responses.AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.Provider == provider && (model == "" || r.Model == model) && r.ErrorMessage == null)
            .OrderByDescending(r => r.CreatedAt).Take(RecentCalls)
            .Select(r => new { r.ResponseTimeMs, r.CostUsd })
            .ToListAsync(ct);
        var concurrency = Math.Max(1, configuration.GetValue("Batch:WorkerConcurrency", 64) * configuration.GetValue("Batch:WorkerReplicas", 1));
        var subject = $"{provider}/{(model == "" ? "default" : model)}";
        return DurationEstimator.Estimate(calls, subject,
            runs.Select(r => new PastRun(r.Calls, (r.FinishedAt!.Value - r.StartedAt!.Value).TotalSeconds)).ToList(),
            recent.Select(r => r.ResponseTimeMs).ToList(), recent.Count == 0 ? 0 : recent.Average(r => r.CostUsd), recent.Count, concurrency);
    }
}
