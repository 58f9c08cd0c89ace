using LlmLab.Identity.Data;
using LlmLab.Identity.Domain;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Identity.Apis;

/// <summary>/api/admin/keys: issue (shown once), list and revoke the organisation's API keys.</summary>
public static class KeysApi
{
    private const int MaxScopes = 50;

    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/keys").RequireTenant();
        api.MapPost("/", IssueAsync);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapDelete("/{id:guid}", RevokeAsync);
        return app;
    }

    public static async Task<Results<Created<IssuedKeyDto>, ProblemHttpResult>> IssueAsync(
        KeyInput input, HttpContext http, IdentityDbContext db, TimeProvider time, CancellationToken ct)
    {
        var caller = http.Caller()!;
        var now = time.GetUtcNow();
        var errors = new FieldErrors();
        errors.Text("name", input.Name, 200);
        User? user = null;
        if (input.UserId is { } userId)
        {
            user = await db.FindUserAsync(caller.TenantId, userId, ct);
            if (user is null) errors.Fail("user_id", $"no user with id {userId} in this organisation.");
        }
        var role = input.Role ?? user?.Role;
        errors.Role("role", role);
        if (user is not null && role is not null && role != user.Role) errors.Fail("role", $"must be the user's role ({user.Role}) or left out.");
        if (input.ExpiresAt is { } expires && expires <= now) errors.Fail("expires_at", "must be in the future.");
        var scopes = input.Scopes ?? [];
        var unknown = scopes.Where(s => string.IsNullOrEmpty(s) || !Permissions.IsKnownGrant(s)).ToList();
        if (scopes.Count > MaxScopes) errors.Fail("scopes", $"at most {MaxScopes} scopes.");
        else if (unknown.Count > 0)
            errors.Fail("scopes", $"item {scopes.IndexOf(unknown[0])} is not a permission; use {string.Join(", ", Permissions.All)} (or family:*).");
        if (errors.Any) return Problems.Invalid(errors.Errors);

        await db.EnsureOrganisationAsync(caller.TenantId, now, ct);
        var key = IssuedKeys.NewKey();
        var issued = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = caller.TenantId,
            UserId = user?.Id,
            Name = input.Name!.Trim(),
            Role = role!,
            Scopes = scopes.Distinct().ToList(),
            Prefix = key[..IssuedKeys.VisiblePrefixLength],
            Hash = IssuedKeys.Hash(key),
            CreatedBy = caller.SubjectId,
            CreatedAt = now,
            ExpiresAt = input.ExpiresAt,
        };
        db.ApiKeys.Add(issued);
        db.RecordChange(caller, "key.issued", Subjects.OfKey(issued.Id), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/admin/keys/{issued.Id}", new IssuedKeyDto(ApiKeyDto.From(issued, now), key));
    }

    public static async Task<Results<Ok<PagedList<ApiKeyDto>>, ProblemHttpResult>> ListAsync(
        HttpContext http, IdentityDbContext db, TimeProvider time, CancellationToken ct,
        bool include_revoked = false, int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } badPage) return badPage;
        var tenant = http.Caller()!.TenantId;
        var query = db.ApiKeys.AsNoTracking().Where(k => k.OrganisationId == tenant);
        if (!include_revoked) query = query.Where(k => k.RevokedAt == null);
        var total = await query.CountAsync(ct);
        var keys = await query.OrderByDescending(k => k.CreatedAt).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new PagedList<ApiKeyDto>(keys.Select(k => ApiKeyDto.From(k, now)).ToList(), total, page, page_size));
    }

    public static async Task<Results<Ok<ApiKeyDto>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, IdentityDbContext db, TimeProvider time, CancellationToken ct)
    {
        var tenant = http.Caller()!.TenantId;
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id && k.OrganisationId == tenant, ct);
        return key is null ? Problems.NotFound("API key", id) : TypedResults.Ok(ApiKeyDto.From(key, time.GetUtcNow()));
    }

    /// <summary>Revokes at once in the database; gateways stop accepting the key when their few-second cache expires.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, HttpContext http, IdentityDbContext db, TimeProvider time, CancellationToken ct)
    {
        var caller = http.Caller()!;
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.OrganisationId == caller.TenantId, ct);
        if (key is null) return Problems.NotFound("API key", id);
        if (key.RevokedAt is not null) return TypedResults.NoContent();
        var now = time.GetUtcNow();
        key.RevokedAt = now;
        db.RecordChange(caller, "key.revoked", Subjects.OfKey(key.Id), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
