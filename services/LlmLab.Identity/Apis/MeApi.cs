using LlmLab.Identity.Data;
using LlmLab.Identity.Domain;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Identity.Apis;

/// <summary>GET /api/me: who the platform takes the caller to be, and what they may do.</summary>
public static class MeApi
{
    public sealed record MeDto(
        string TenantId, string OrganisationName, string SubjectId, string Role, string Tier, UserDto? User, ApiKeyDto? Key,
        IReadOnlyList<string> Permissions);

    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", GetAsync).RequireTenant();
        return app;
    }

    public static async Task<Ok<MeDto>> GetAsync(HttpContext http, IdentityDbContext db, TimeProvider time, CancellationToken ct)
    {
        var caller = http.Caller()!;
        var now = time.GetUtcNow();
        var organisation = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == caller.TenantId, ct);
        var user = Subjects.UserId(caller.SubjectId) is { } userId ? await db.FindUserAsync(caller.TenantId, userId, ct) : null;
        var keyId = Guid.TryParse(caller.KeyId, out var k) ? k : Subjects.KeyId(caller.SubjectId);
        var key = keyId is { } id ? await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.OrganisationId == caller.TenantId, ct) : null;
        return TypedResults.Ok(new MeDto(
            caller.TenantId, organisation?.Name ?? caller.TenantId, caller.SubjectId, caller.Role, caller.Tier,
            user is null ? null : UserDto.From(user), key is null ? null : ApiKeyDto.From(key, now),
            Permissions.Effective(caller.Role, key?.Scopes ?? [])));
    }
}
