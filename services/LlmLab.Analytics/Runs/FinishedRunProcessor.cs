using LlmLab.Analytics.Alerts;
using LlmLab.Analytics.Data;
using LlmLab.Analytics.Gates;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LlmLab.Analytics.Runs;

/// <summary>
/// Processes each finished run (and each finished evaluation, <see cref="EvaluationGates.EvaluationGateProcessor"/>) once its scored responses have all arrived (or it waited <see cref="RunProcessingOptions.SettleSeconds"/>):
/// evaluates its gate and raises its alerts, in one transaction that marks it processed. The run's row is claimed with
/// FOR UPDATE SKIP LOCKED, so replicas share the work and a crash leaves it pending.
/// </summary>
public sealed class FinishedRunProcessor(IServiceScopeFactory scopes, TimeProvider time, IOptions<RunProcessingOptions> options,
    ILogger<FinishedRunProcessor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ProcessPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Processing finished runs failed; retrying");
            }
            await Task.Delay(poll, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ProcessPendingAsync(CancellationToken ct)
    {
        await EachPendingAsync(db => db.FinishedRuns.Where(r => r.ProcessedAt == null).OrderBy(r => r.ReceivedAt).Select(r => r.RunId),
            (services, runId) => ProcessAsync(services, runId, ct), ct);
        // Finished evaluations: their items are all recorded when the event is sent, so there is nothing to wait for.
        await EachPendingAsync(db => db.FinishedEvaluations.Where(e => e.ProcessedAt == null).OrderBy(e => e.ReceivedAt).Select(e => e.EvaluationId),
            (services, evaluationId) => services.GetRequiredService<EvaluationGates.EvaluationGateProcessor>().ProcessAsync(evaluationId, ct), ct);
    }

    /// <summary>Reads up to 50 pending ids, then processes each in a scope of its own.</summary>
    private async Task EachPendingAsync(Func<AnalyticsDbContext, IQueryable<Guid>> pendingIds, Func<IServiceProvider, Guid, Task> process, CancellationToken ct)
    {
        List<Guid> pending;
        using (var scope = scopes.CreateScope())
        {
            pending = await pendingIds(scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>()).Take(50).ToListAsync(ct);
        }
        foreach (var id in pending)
        {
            using var scope = scopes.CreateScope();
            await process(scope.ServiceProvider, id);
        }
    }

    private async Task ProcessAsync(IServiceProvider services, Guid runId, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AnalyticsDbContext>();
        var settle = TimeSpan.FromSeconds(options.Value.SettleSeconds);
        await db.InTransactionAsync(async ct =>
        {
            var run = await db.FinishedRuns
                .FromSqlRaw("SELECT * FROM finished_runs WHERE run_id = {0} AND processed_at IS NULL FOR UPDATE SKIP LOCKED", runId)
                .SingleOrDefaultAsync(ct);
            if (run is null) return false;
            var scored = await services.GetRequiredService<RunMeasurements>().ScoredCountAsync(run, ct);
            if (scored < run.Completed && time.GetUtcNow() - run.ReceivedAt < settle) return false;

            var gate = await services.GetRequiredService<RunGates>().EvaluateAsync(run, scored, ct);
            await services.GetRequiredService<RunAlerts>().RaiseAsync(run, gate, ct);
            run.ProcessedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            if (gate is not null) logger.LogInformation("Run {RunId}: gate {Outcome}", run.RunId, gate.Passed ? "passed" : "failed");
            return true;
        }, cancellationToken);
    }
}
