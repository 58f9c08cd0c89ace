using LlmLab.Identity.Data;
using LlmLab.Identity.Domain;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Identity.Apis;

/// <summary>GET /api/audit: the tenant's audit log, newest first.</summary>
public static class AuditApi
{
    public sealed record AuditEntryDto(
        long Id, string SubjectId, string Role, string Action, string? Target, string? Method, string? Path, int? Status, DateTimeOffset At);

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ListAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<PagedList<AuditEntryDto>>, ProblemHttpResult>> ListAsync(
        HttpContext http, IdentityDbContext db, CancellationToken ct,
        string? action = null, string? subject_id = null, DateTimeOffset? since = null, int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } badPage) return badPage;
        var errors = new FieldErrors();
        errors.Text("action", action, 40, required: false);
        errors.Text("subject_id", subject_id, 200, required: false);
        if (errors.Any) return Problems.Invalid(errors.Errors, StatusCodes.Status400BadRequest);
        var tenant = http.Caller()!.TenantId;
        var query = db.Audit.AsNoTracking().Where(a => a.TenantId == tenant);
        if (action is not null) query = query.Where(a => a.Action == action);
        if (subject_id is not null) query = query.Where(a => a.SubjectId == subject_id);
        if (since is not null) query = query.Where(a => a.At >= since);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Id).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<AuditEntryDto>(rows.Select(Map).ToList(), total, page, page_size));
    }

    private static AuditEntryDto Map(AuditEntry a) => new(a.Id, a.SubjectId, a.Role, a.Action, a.Target, a.Method, a.Path, a.Status, a.At);
}
