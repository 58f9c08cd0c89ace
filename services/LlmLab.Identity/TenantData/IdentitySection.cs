using LlmLab.Identity.Apis;
using LlmLab.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Identity.TenantData;

/// <summary>Identity's part of a tenant export: the organisation, its users (removed ones too), keys (never a key or its hash) and audit log.</summary>
public static class IdentitySection
{
    public static object Of(IdentityDbContext db, string tenant, DateTimeOffset now) => new
    {
        Organisations = db.Organisations.AsNoTracking().Where(o => o.Id == tenant).AsAsyncEnumerable(),
        Users = db.Users.AsNoTracking().Where(u => u.OrganisationId == tenant).OrderBy(u => u.CreatedAt)
            .Select(u => new { User = UserDto.From(u), u.DeletedAt }).AsAsyncEnumerable(),
        Keys = db.ApiKeys.AsNoTracking().Where(k => k.OrganisationId == tenant).OrderBy(k => k.CreatedAt)
            .AsAsyncEnumerable().Select(k => ApiKeyDto.From(k, now)),
        Audit = db.Audit.AsNoTracking().Where(a => a.TenantId == tenant).OrderBy(a => a.Id).AsAsyncEnumerable(),
    };
}
