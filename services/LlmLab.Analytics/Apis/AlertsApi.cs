using LlmLab.Analytics.Alerts;
using LlmLab.Analytics.Data;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// GET /api/alerts (newest first; filters status, kind; paginated), GET /api/alerts/{id}, POST /api/alerts/{id}/ack and
/// /resolve, GET /api/alerts/stream (SSE, <see cref="AlertStream"/>).
/// </summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/alerts").RequireTenant();
        api.MapGet("", ListAsync);
        api.MapGet("/stream", AlertStream.StreamAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapPost("/{id:guid}/ack", (Guid id, HttpContext http, AnalyticsDbContext db, TimeProvider time, CancellationToken ct) =>
            MoveAsync(id, AlertStatuses.Acknowledged, http, db, time, ct));
        api.MapPost("/{id:guid}/resolve", (Guid id, HttpContext http, AnalyticsDbContext db, TimeProvider time, CancellationToken ct) =>
            MoveAsync(id, AlertStatuses.Resolved, http, db, time, ct));
        return app;
    }

    public static async Task<Results<Ok<PagedList<AlertView>>, ProblemHttpResult>> ListAsync(HttpContext http, AnalyticsDbContext db, CancellationToken ct,
        string? status = null, string? kind = null, int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } paging) return paging;
        if (status is not null && !AlertStatuses.All.Contains(status))
            return Problems.Invalid("status", $"must be one of {string.Join(", ", AlertStatuses.All)}.", StatusCodes.Status400BadRequest);
        if (kind is not null && !AlertKinds.All.Contains(kind))
            return Problems.Invalid("kind", $"must be one of {string.Join(", ", AlertKinds.All)}.", StatusCodes.Status400BadRequest);
        var tenant = http.TenantId()!;
        var query = db.Alerts.AsNoTracking().Where(a => a.TenantId == tenant);
        if (status is not null) query = query.Where(a => a.Status == status);
        if (kind is not null) query = query.Where(a => a.Kind == kind);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<AlertView>(items.Select(AlertView.Of).ToList(), total, page, page_size));
    }

    public static async Task<Results<Ok<AlertView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, AnalyticsDbContext db, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.TenantId == tenant, ct);
        return alert is null ? Problems.NotFound("Alert", id) : TypedResults.Ok(AlertView.Of(alert));
    }

    private static async Task<Results<Ok<AlertView>, ProblemHttpResult>> MoveAsync(Guid id, string to, HttpContext http, AnalyticsDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.TenantId == tenant, ct);
        if (alert is null) return Problems.NotFound("Alert", id);
        if (!AlertStatuses.CanMove(alert.Status, to)) return Problems.Conflict($"Alert {id} is {alert.Status}; it cannot become {to}.");
        var now = time.GetUtcNow();
        var who = http.Caller()?.SubjectId;
        // One conditional update: of two people acting at once, one wins and the other gets 409. The sequence moves so
        // the stream sends the change.
        var moved = to == AlertStatuses.Acknowledged
            ? await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE alerts SET status = {to}, acknowledged_at = {now}, acknowledged_by = {who}, sequence = nextval('alert_changes')
                WHERE id = {id} AND tenant_id = {tenant} AND status = {alert.Status}
                """, ct)
            : await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE alerts SET status = {to}, resolved_at = {now}, resolved_by = {who}, sequence = nextval('alert_changes')
                WHERE id = {id} AND tenant_id = {tenant} AND status = {alert.Status}
                """, ct);
        if (moved == 0) return Problems.Conflict($"Alert {id} changed meanwhile; read it again.");
        return TypedResults.Ok(AlertView.Of((await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == id, ct))));
    }
}
