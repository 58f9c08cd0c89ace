using System.Globalization;
using System.Text.Json;
using LlmLab.Analytics.Alerts;
using LlmLab.Analytics.Data;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// GET /api/alerts/stream: server-sent events, one default ("message") event (the alert's view, so EventSource.onmessage
/// sees it, as on the run progress stream) each time an alert of the tenant is raised, acknowledged or resolved, read from the database so any replica can serve it. The event id is the alert's
/// change sequence: a client reconnecting with Last-Event-ID gets every change it missed; a new client gets changes
/// from now on.
/// </summary>
public static class AlertStream
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static async Task StreamAsync(HttpContext http, AnalyticsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var last = long.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var resume)
            ? resume
            : await db.Alerts.Where(a => a.TenantId == tenant).MaxAsync(a => (long?)a.Sequence, ct) ?? 0;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync("retry: 1000\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
        var lastWrite = time.GetUtcNow();
        using var cadence = new PeriodicTimer(PollInterval, time);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var changed = await db.Alerts.AsNoTracking().Where(a => a.TenantId == tenant && a.Sequence > last).OrderBy(a => a.Sequence).Take(100).ToListAsync(ct);
                foreach (var alert in changed)
                {
                    await http.Response.WriteAsync(
                        $"id: {alert.Sequence.ToString(CultureInfo.InvariantCulture)}\ndata: {JsonSerializer.Serialize(AlertView.Of(alert), ServiceKitExtensions.Json)}\n\n", ct);
                    last = alert.Sequence;
                }
                if (changed.Count > 0 || time.GetUtcNow() - lastWrite > Heartbeat)
                {
                    if (changed.Count == 0) await http.Response.WriteAsync(": heartbeat\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    lastWrite = time.GetUtcNow();
                }
                if (changed.Count < 100) await cadence.WaitForNextTickAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
    }
}
