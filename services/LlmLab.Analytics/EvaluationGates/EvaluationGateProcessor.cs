using LlmLab.Analytics.Alerts;
using LlmLab.Analytics.Data;
using LlmLab.Analytics.Gates;
using LlmLab.Analytics.Runs;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.EvaluationGates;

/// <summary>
/// Processes a finished evaluation once, in one transaction that claims its row (FOR UPDATE SKIP LOCKED, so replicas
/// share the work and a crash or an unreachable evaluation service leaves it pending): evaluates its gate when it has
/// one (replacing an earlier result), raises the gate alert when it failed and the regression alert against the
/// previous evaluation of the same dataset, and marks it processed.
/// </summary>
public sealed class EvaluationGateProcessor(AnalyticsDbContext db, EvaluationResultsClient evaluations, AlertRaiser raiser, TimeProvider time,
    ILogger<EvaluationGateProcessor> logger)
{
    public const string Subject = "evaluation";

    public Task<bool> ProcessAsync(Guid evaluationId, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var finished = await db.FinishedEvaluations
                .FromSqlRaw("SELECT * FROM finished_evaluations WHERE evaluation_id = {0} AND processed_at IS NULL FOR UPDATE SKIP LOCKED", evaluationId)
                .SingleOrDefaultAsync(ct);
            if (finished is null) return false;
            var now = time.GetUtcNow();
            // Deleted in the evaluation service meanwhile: nothing left to judge.
            if (await evaluations.ResultsAsync(finished.TenantId, evaluationId, ct) is { } results)
            {
                var previousId = await PreviousAsync(finished, ct);
                var previous = previousId is { } p ? await evaluations.ResultsAsync(finished.TenantId, p, ct) : null;
                var gate = await EvaluateGateAsync(finished, results, previousId, previous, now, ct);
                var run = AsRun(finished);
                if (previous is not null
                    && EvaluationRegression.Compare(previousId!.Value, previous, results).FirstOrDefault(c => !c.Passed && c.N > 0) is { } drop
                    && AlertRules.Regression(run, drop, now, Subject) is { } regression)
                    await raiser.RaiseAsync(regression, ct);
                if (AlertRules.GateFailed(run, gate, now, "Evaluation") is { } failedGate) await raiser.RaiseAsync(failedGate, ct);
                if (gate is not null) logger.LogInformation("Evaluation {EvaluationId}: gate {Outcome}", evaluationId, gate.Passed ? "passed" : "failed");
            }
            finished.ProcessedAt = now;
            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);

    private async Task<GateResult?> EvaluateGateAsync(FinishedEvaluation finished, EvaluationResults results, Guid? previousId, EvaluationResults? previous,
        DateTimeOffset now, CancellationToken ct)
    {
        var definition = await db.EvaluationGateDefinitions.AsNoTracking()
            .SingleOrDefaultAsync(g => g.TenantId == finished.TenantId && g.EvaluationId == finished.EvaluationId, ct);
        if (definition is null) return null;
        List<GateCheckResult> regression = [];
        if (definition.NoSignificantRegression)
        {
            var baselineId = definition.BaselineEvaluationId ?? previousId;
            var baseline = definition.BaselineEvaluationId is { } given ? await evaluations.ResultsAsync(finished.TenantId, given, ct) : previous;
            regression = baselineId switch
            {
                null => [EvaluationRegression.NoBaseline()],
                { } id when baseline is null => [new(EvaluationRegression.Metric, GateMetrics.NoSignificantRegression, 0, null, false,
                    $"baseline evaluation {id} no longer exists.", id, 0)],
                { } id => EvaluationRegression.Compare(id, baseline, results),
            };
        }
        var result = EvaluationGateEvaluator.Evaluate(definition, finished, results, regression, now);
        await db.GateResults.Where(r => r.RunId == finished.EvaluationId).ExecuteDeleteAsync(ct);
        db.GateResults.Add(result);
        return result;
    }

    /// <summary>The latest evaluation of the same dataset that finished before this one with at least one answered item.</summary>
    private Task<Guid?> PreviousAsync(FinishedEvaluation finished, CancellationToken ct) =>
        db.FinishedEvaluations.AsNoTracking()
            .Where(e => e.TenantId == finished.TenantId && e.DatasetId == finished.DatasetId && e.EvaluationId != finished.EvaluationId
                && e.FinishedAt < finished.FinishedAt && e.Completed > 0)
            .OrderByDescending(e => e.FinishedAt).Select(e => (Guid?)e.EvaluationId).FirstOrDefaultAsync(ct);

    /// <summary>The alert rules speak of runs; an evaluation is one by its id (it belongs to no experiment).</summary>
    private static FinishedRun AsRun(FinishedEvaluation e) => new()
    {
        RunId = e.EvaluationId, TenantId = e.TenantId, Status = e.Status, Completed = e.Completed, Failed = e.Failed,
        FinishedAt = e.FinishedAt, ReceivedAt = e.ReceivedAt,
    };
}
