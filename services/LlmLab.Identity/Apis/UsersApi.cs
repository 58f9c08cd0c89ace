using LlmLab.Identity.Data;
using LlmLab.Identity.Domain;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Identity.Apis;

/// <summary>/api/admin/users: the organisation's people and their roles.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/users").RequireTenant();
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapPost("/", CreateAsync);
        api.MapPut("/{id:guid}", UpdateAsync);
        api.MapDelete("/{id:guid}", RemoveAsync);
        return app;
    }

    public static async Task<Results<Ok<PagedList<UserDto>>, ProblemHttpResult>> ListAsync(
        HttpContext http, IdentityDbContext db, CancellationToken ct, string? role = null, int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } badPage) return badPage;
        if (role is not null && !Roles.All.Contains(role))
            return Problems.Invalid("role", $"must be one of {string.Join(", ", Roles.All)}.", StatusCodes.Status400BadRequest);
        var tenant = http.Caller()!.TenantId;
        var query = db.Users.AsNoTracking().Where(u => u.OrganisationId == tenant && u.DeletedAt == null);
        if (role is not null) query = query.Where(u => u.Role == role);
        var total = await query.CountAsync(ct);
        var users = await query.OrderBy(u => u.Email).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<UserDto>(users.Select(UserDto.From).ToList(), total, page, page_size));
    }

    public static async Task<Results<Ok<UserDto>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, IdentityDbContext db, CancellationToken ct) =>
        await db.FindUserAsync(http.Caller()!.TenantId, id, ct) is { } user ? TypedResults.Ok(UserDto.From(user)) : Problems.NotFound("User", id);

    public static async Task<Results<Created<UserDto>, ProblemHttpResult>> CreateAsync(
        UserInput input, HttpContext http, IdentityDbContext db, TimeProvider time, CancellationToken ct)
    {
        var caller = http.Caller()!;
        var errors = new FieldErrors();
        errors.Email("email", input.Email);
        errors.Text("name", input.Name, 200);
        errors.Role("role", input.Role);
        if (errors.Any) return Problems.Invalid(errors.Errors);
        var email = input.Email!.Trim().ToLowerInvariant();
        if (await db.EmailTakenAsync(caller.TenantId, email, null, ct)) return Problems.Invalid("email", "is already a user of this organisation.", StatusCodes.Status409Conflict);

        var now = time.GetUtcNow();
        await db.EnsureOrganisationAsync(caller.TenantId, now, ct);
        var user = new User
        {
            Id = Guid.CreateVersion7(now), OrganisationId = caller.TenantId, Email = email, Name = input.Name!.Trim(), Role = input.Role!,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Users.Add(user);
        db.RecordChange(caller, "user.created", user.SubjectId, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/admin/users/{user.Id}", UserDto.From(user));
    }

    public static async Task<Results<Ok<UserDto>, ProblemHttpResult>> UpdateAsync(
        Guid id, UserInput input, HttpContext http, IdentityDbContext db, TimeProvider time, CancellationToken ct)
    {
        var caller = http.Caller()!;
        var user = await db.FindUserAsync(caller.TenantId, id, ct);
        if (user is null) return Problems.NotFound("User", id);
        var errors = new FieldErrors();
        if (input.Email is not null) errors.Email("email", input.Email);
        if (input.Name is not null) errors.Text("name", input.Name, 200);
        if (input.Role is not null) errors.Role("role", input.Role);
        if (errors.Any) return Problems.Invalid(errors.Errors);
        var email = input.Email?.Trim().ToLowerInvariant();
        if (email is not null && await db.EmailTakenAsync(caller.TenantId, email, id, ct))
            return Problems.Invalid("email", "is already a user of this organisation.", StatusCodes.Status409Conflict);
        if (input.Role is not null && input.Role != Roles.Admin && user.Role == Roles.Admin && await db.AdminCountAsync(caller.TenantId, ct) == 1)
            return Problems.Invalid("role", "the organisation's last admin cannot lose the admin role.", StatusCodes.Status409Conflict);

        var now = time.GetUtcNow();
        var roleChanged = input.Role is not null && input.Role != user.Role;
        user.Email = email ?? user.Email;
        user.Name = input.Name?.Trim() ?? user.Name;
        user.Role = input.Role ?? user.Role;
        user.UpdatedAt = now;
        if (roleChanged)
        {
            // A user's keys carry the user's role: they follow it rather than keep a role the user no longer has.
            foreach (var key in await db.ApiKeys.Where(k => k.UserId == id).ToListAsync(ct)) key.Role = user.Role;
        }
        db.RecordChange(caller, roleChanged ? "user.role_changed" : "user.updated", user.SubjectId, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(UserDto.From(user));
    }

    /// <summary>Removes the user (the row stays for the audit log) and revokes every key they hold.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid id, HttpContext http, IdentityDbContext db, TimeProvider time, CancellationToken ct)
    {
        var caller = http.Caller()!;
        var user = await db.FindUserAsync(caller.TenantId, id, ct);
        if (user is null) return Problems.NotFound("User", id);
        if (user.Role == Roles.Admin && await db.AdminCountAsync(caller.TenantId, ct) == 1)
            return Problems.Conflict("The organisation's last admin cannot be removed.");
        var now = time.GetUtcNow();
        user.DeletedAt = now;
        foreach (var key in await db.ApiKeys.Where(k => k.UserId == id && k.RevokedAt == null).ToListAsync(ct)) key.RevokedAt = now;
        db.RecordChange(caller, "user.removed", user.SubjectId, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
