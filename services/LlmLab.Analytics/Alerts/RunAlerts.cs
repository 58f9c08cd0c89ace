using LlmLab.Analytics.Data;
using LlmLab.Analytics.Gates;
using LlmLab.Analytics.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LlmLab.Analytics.Alerts;

/// <summary>The alerts a finished run raises against the experiment's previous run: quality regression, failure-rate spike.</summary>
public sealed class RunAlerts(AnalyticsDbContext db, RunGates gates, AlertRaiser raiser, IOptions<AlertOptions> options, TimeProvider time)
{
    public async Task<int> RaiseAsync(FinishedRun run, CancellationToken ct)
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
        return raised;
    }
}
