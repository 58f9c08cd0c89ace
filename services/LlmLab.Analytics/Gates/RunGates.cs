using LlmLab.Analytics.Analysis;
using LlmLab.Analytics.Data;
using LlmLab.Analytics.Queries;
using LlmLab.Analytics.Runs;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Gates;

/// <summary>Evaluates the gate of a finished run (when its experiment has one) and stores the result, replacing an earlier one.</summary>
public sealed class RunGates(AnalyticsDbContext db, AnalyticsSql sql, RunMeasurements measurements, TimeProvider time)
{
    public async Task<GateResult?> EvaluateAsync(FinishedRun run, int responsesScored, CancellationToken ct)
    {
        var gate = await db.GateDefinitions.AsNoTracking().SingleOrDefaultAsync(g => g.TenantId == run.TenantId && g.ExperimentId == run.ExperimentId, ct);
        if (gate is null) return null;
        var measured = await measurements.MeasureAsync(run, gate.Checks.Select(c => c.Metric), ct);
        var regression = gate.NoSignificantRegression ? await RegressionAsync(run, gate.BaselineRunId, gate.RegressionMetric, ct) : null;
        var result = GateEvaluator.Evaluate(gate, run, measured, regression, responsesScored, time.GetUtcNow());
        await db.GateResults.Where(r => r.RunId == run.RunId).ExecuteDeleteAsync(ct);
        db.GateResults.Add(result);
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>The paired comparison with the baseline: the given run, or else the experiment's previous finished run.</summary>
    public async Task<GateCheckResult> RegressionAsync(FinishedRun run, Guid? baselineRunId, string metric, CancellationToken ct)
    {
        var baseline = baselineRunId ?? await PreviousRunAsync(run, ct);
        if (baseline is not { } id) return RegressionCheck.NoBaseline(metric);
        if (id == run.RunId) return new(metric, GateMetrics.NoSignificantRegression, 0, null, true, "the run is the gate's baseline run.", id);
        var (baselineItems, runItems) = await sql.RunItemsAsync(run.TenantId, id, run.RunId, metric, ct);
        return RegressionCheck.Evaluate(metric, id, run.RunId, ItemPairing.Pair(baselineItems, runItems));
    }

    /// <summary>The latest run of the same experiment that finished before this one with at least one response.</summary>
    public Task<Guid?> PreviousRunAsync(FinishedRun run, CancellationToken ct) =>
        run.ExperimentId == Guid.Empty
            ? Task.FromResult<Guid?>(null)
            : db.FinishedRuns.AsNoTracking()
                .Where(r => r.TenantId == run.TenantId && r.ExperimentId == run.ExperimentId && r.RunId != run.RunId && r.FinishedAt < run.FinishedAt && r.Completed > 0)
                .OrderByDescending(r => r.FinishedAt).Select(r => (Guid?)r.RunId).FirstOrDefaultAsync(ct);
}
