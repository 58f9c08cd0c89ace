using LlmLab.Analytics.Data;
using LlmLab.Analytics.Gates;
using LlmLab.Analytics.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LlmLab.Analytics.Alerts;

/// <summary>
/// The alerts a finished run raises: against the experiment's previous run, quality regression and failure-rate spike;
/// on its own, the latency objective and a failed quality gate.
/// </summary>
public sealed class RunAlerts(AnalyticsDbContext db, RunGates gates, RunMeasurements measurements, AlertRaiser raiser, IOptions<AlertOptions> options,
    TimeProvider time)
{
    public async Task<int> RaiseAsync(FinishedRun run, GateResult? gate, CancellationToken ct)
    {
        var previousId = await gates.PreviousRunAsync(run, ct);
        var previous = previousId is { } id ? await db.FinishedRuns.AsNoTracking().SingleAsync(r => r.RunId == id, ct) : null;
        var now = time.GetUtcNow();
        var raised = 0;
        if (previous is not null && run.Completed > 0)
        {
            var comparison = await gates.RegressionAsync(run, previous.RunId, options.Value.RegressionMetric, ct);
            if (AlertRules.Regression(run, comparison, now) is { } regression && await raiser.RaiseAsync(regression, ct)) raised++;
        }
        if (AlertRules.FailureRateSpike(run, previous, options.Value, now) is { } spike && await raiser.RaiseAsync(spike, ct)) raised++;
        var p95 = (await measurements.MeasureAsync(run, [GateMetrics.LatencyP95], ct))[GateMetrics.LatencyP95];
        if (AlertRules.LatencyObjectiveMissed(run, p95, options.Value, now) is { } slow && await raiser.RaiseAsync(slow, ct)) raised++;
        if (AlertRules.GateFailed(run, gate, now) is { } failedGate && await raiser.RaiseAsync(failedGate, ct)) raised++;
        return raised;
    }
}
