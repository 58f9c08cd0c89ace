using LlmLab.Identity.Data;
using LlmLab.Identity.Domain;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Identity.Apis;

/// <summary>
/// /api/admin/organisations: an admin sees and renames their own organisation only; organisations are created by the
/// create-admin command, so no caller can reach another tenant.
/// </summary>
public static class OrganisationsApi
{
    public sealed record OrganisationDto(string Id, string Name, string Tier, DateTimeOffset CreatedAt, int Users, int ActiveKeys);

    public sealed record OrganisationInput(string? Name);

    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/organisations").RequireTenant();
        api.MapGet("/", ListAsync);
        api.MapGet("/{id}", GetAsync);
        api.MapPut("/{id}", RenameAsync);
        return app;
    }

    public static async Task<Ok<PagedList<OrganisationDto>>> ListAsync(HttpContext http, IdentityDbContext db, TimeProvider time, CancellationToken ct)
    {
        var own = await DescribeAsync(db, http.Caller()!.TenantId, time.GetUtcNow(), ct);
        return TypedResults.Ok(new PagedList<OrganisationDto>([own], 1, 1, 50));
    }

    public static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, IdentityDbContext db, TimeProvider time, CancellationToken ct) =>
        id == http.Caller()!.TenantId ? TypedResults.Ok(await DescribeAsync(db, id, time.GetUtcNow(), ct)) : Problems.NotFound("Organisation", id);

    public static async Task<Results<Ok<OrganisationDto>, ProblemHttpResult>> RenameAsync(
        string id, OrganisationInput input, HttpContext http, IdentityDbContext db, TimeProvider time, CancellationToken ct)
    {
        var caller = http.Caller()!;
        if (id != caller.TenantId) return Problems.NotFound("Organisation", id);
        var errors = new FieldErrors();
        errors.Text("name", input.Name, 200);
        if (errors.Any) return Problems.Invalid(errors.Errors);
        var now = time.GetUtcNow();
        var organisation = await db.EnsureOrganisationAsync(id, now, ct);
        organisation.Name = input.Name!.Trim();
        db.RecordChange(caller, "organisation.updated", id, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DescribeAsync(db, id, now, ct));
    }

    private static async Task<OrganisationDto> DescribeAsync(IdentityDbContext db, string tenant, DateTimeOffset now, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == tenant, ct)
            ?? new Organisation { Id = tenant, Name = tenant, Tier = Tiers.Enterprise, CreatedAt = now };
        var users = await db.Users.CountAsync(u => u.OrganisationId == tenant && u.DeletedAt == null, ct);
        var keys = await db.ApiKeys.CountAsync(k => k.OrganisationId == tenant && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), ct);
        return new OrganisationDto(organisation.Id, organisation.Name, organisation.Tier, organisation.CreatedAt, users, keys);
    }
}
