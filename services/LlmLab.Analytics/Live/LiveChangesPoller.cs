using LlmLab.Analytics.Alerts;
using LlmLab.Analytics.Data;
using LlmLab.Analytics.Gates;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Live;

/// <summary>
/// Gates evaluated and alerts raised or moved, for this replica's live listeners. Any replica may evaluate a gate or
/// raise an alert, so each replica reads the changes from the database (only for tenants listening here): alerts by
/// their change sequence, gate results by their evaluation time with a look-back window (a transaction may commit after
/// a later one) and the results already sent remembered.
/// </summary>
public sealed class LiveChangesPoller(IServiceScopeFactory scopes, LiveEvents live, TimeProvider time, ILogger<LiveChangesPoller> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LookBack = TimeSpan.FromSeconds(30);

    private long _alertSequence = -1;
    private readonly Dictionary<(Guid RunId, DateTimeOffset EvaluatedAt), DateTimeOffset> _gatesSent = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var since = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AnalyticsDbContext>();
                if (_alertSequence < 0) _alertSequence = await db.Alerts.MaxAsync(a => (long?)a.Sequence, stoppingToken) ?? 0;
                var tenants = live.Tenants.ToList();
                if (tenants.Count > 0)
                {
                    await SendAlertsAsync(db, tenants, stoppingToken);
                    await SendGatesAsync(db, tenants, since, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Reading live changes failed; retrying");
            }
            await Task.Delay(Poll, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task SendAlertsAsync(AnalyticsDbContext db, List<string> tenants, CancellationToken ct)
    {
        var changed = await db.Alerts.AsNoTracking().Where(a => tenants.Contains(a.TenantId) && a.Sequence > _alertSequence)
            .OrderBy(a => a.Sequence).Take(500).ToListAsync(ct);
        foreach (var alert in changed)
        {
            live.Publish(new LiveEvent(alert.TenantId, LiveEventNames.Alert, AlertView.Of(alert)));
            _alertSequence = alert.Sequence;
        }
    }

    private async Task SendGatesAsync(AnalyticsDbContext db, List<string> tenants, DateTimeOffset since, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var from = now - LookBack < since ? since : now - LookBack;
        var results = await db.GateResults.AsNoTracking().Where(r => tenants.Contains(r.TenantId) && r.EvaluatedAt > from)
            .OrderBy(r => r.EvaluatedAt).Take(500).ToListAsync(ct);
        foreach (var result in results)
        {
            if (!_gatesSent.TryAdd((result.RunId, result.EvaluatedAt), now)) continue;
            live.Publish(new LiveEvent(result.TenantId, LiveEventNames.GateEvaluated, GateResultView.Of(result)));
        }
        foreach (var old in _gatesSent.Where(s => s.Key.EvaluatedAt < from).Select(s => s.Key).ToList()) _gatesSent.Remove(old);
    }
}
