using LlmLab.Identity.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Identity.Data;

/// <summary>Look-ups every identity endpoint shares, always within one organisation.</summary>
public static class IdentityQueries
{
    /// <summary>The caller's organisation, created on first use for tenants that exist only in configuration.</summary>
    public static async Task<Organisation> EnsureOrganisationAsync(this IdentityDbContext db, string tenantId, DateTimeOffset now, CancellationToken ct)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == tenantId, ct);
        if (organisation is not null) return organisation;
        organisation = new Organisation { Id = tenantId, Name = tenantId, Tier = Tiers.Enterprise, CreatedAt = now };
        db.Organisations.Add(organisation);
        return organisation;
    }

    public static Task<User?> FindUserAsync(this IdentityDbContext db, string tenantId, Guid id, CancellationToken ct) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == id && u.OrganisationId == tenantId && u.DeletedAt == null, ct);

    public static Task<bool> EmailTakenAsync(this IdentityDbContext db, string tenantId, string email, Guid? except, CancellationToken ct) =>
        db.Users.AnyAsync(u => u.OrganisationId == tenantId && u.Email == email && u.DeletedAt == null && u.Id != except, ct);

    public static Task<int> AdminCountAsync(this IdentityDbContext db, string tenantId, CancellationToken ct) =>
        db.Users.CountAsync(u => u.OrganisationId == tenantId && u.Role == LlmLab.ServiceKit.Roles.Admin && u.DeletedAt == null, ct);
}
