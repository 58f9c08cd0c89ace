using LlmLab.Identity.Data;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Identity.TenantData;

/// <summary>
/// The tenant's data rights: GET /api/tenants/me/export (everything the tenant owns in every service, streamed as
/// JSON) and DELETE /api/tenants/me?confirm={tenant id} (erase it in every service). The gateway lets only admins in.
/// </summary>
public static class TenantDataApi
{
    public sealed record ErasureAccepted(Guid ErasureId, string Tenant, DateTimeOffset RequestedAt, IReadOnlyList<string> Services);

    public static IEndpointRouteBuilder MapTenantDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tenants/me").RequireTenant();
        api.MapGet("/export", ExportAsync);
        api.MapDelete("", EraseAsync);
        return app;
    }

    public static async Task<IResult> ExportAsync(HttpContext http, IdentityDbContext db, TenantSections sections, TimeProvider time, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        using var opened = await sections.OpenAsync(ct);
        if (opened.UnavailableService is { } service) return Problems.Unavailable(service, "The tenant cannot be exported completely.");
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"tenant-export-{time.GetUtcNow():yyyyMMddTHHmmssZ}.json\"";
        await TenantExportWriter.WriteAsync(http.Response.Body, db, tenant, time.GetUtcNow(), opened, ct);
        return Results.Empty;
    }

    public static async Task<Results<Accepted<ErasureAccepted>, ProblemHttpResult>> EraseAsync(
        HttpContext http, TenantEraser eraser, CancellationToken ct, string? confirm = null)
    {
        var caller = http.Caller()!;
        // Erasing cannot be undone: the caller names the tenant, so a stray DELETE erases nothing.
        if (confirm != caller.TenantId) return Problems.Invalid("confirm", $"must be the tenant id ({caller.TenantId}) to erase it.", StatusCodes.Status400BadRequest);
        var erasure = await eraser.EraseAsync(caller, ct);
        return TypedResults.Accepted((string?)null, new ErasureAccepted(erasure.Id, erasure.TenantId, erasure.RequestedAt,
            ["identity", .. TenantSections.Services.Select(s => s.Service)]));
    }
}
