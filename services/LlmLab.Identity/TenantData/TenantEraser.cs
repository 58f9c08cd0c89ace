using LlmLab.Contracts.Messages;
using LlmLab.Identity.Data;
using LlmLab.Identity.Domain;
using LlmLab.Messaging;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Identity.TenantData;

/// <summary>
/// Erases a tenant. In one transaction: identity's own rows of the tenant (organisation, users, keys, audit log) are
/// deleted, the erasure is recorded, and <see cref="TenantErasureRequested"/> is put in the outbox. The relay then
/// publishes it to every service's durable queue; each service erases its part and acknowledges only when done, so a
/// crash of any process at any point leads to the erasure being finished, never forgotten.
/// </summary>
public sealed class TenantEraser(IdentityDbContext db, Outbox outbox, TimeProvider time)
{
    public async Task<TenantErasure> EraseAsync(CallerIdentity caller, CancellationToken cancellationToken)
    {
        var tenant = caller.TenantId;
        var erasure = await db.InTransactionAsync(async ct =>
        {
            var now = time.GetUtcNow();
            await db.ApiKeys.Where(k => k.OrganisationId == tenant).ExecuteDeleteAsync(ct);
            await db.Users.Where(u => u.OrganisationId == tenant).ExecuteDeleteAsync(ct);
            await db.Organisations.Where(o => o.Id == tenant).ExecuteDeleteAsync(ct);
            await db.Audit.Where(a => a.TenantId == tenant).ExecuteDeleteAsync(ct);
            var erasure = new TenantErasure { Id = Guid.CreateVersion7(), TenantId = tenant, RequestedBy = caller.SubjectId, RequestedAt = now };
            db.TenantErasures.Add(erasure);
            // The log restarts with the erasure itself: who erased the tenant, and when.
            db.RecordChange(caller, "tenant.erased", erasure.Id.ToString(), now);
            outbox.Add(db, new TenantErasureRequested(erasure.Id, tenant, now));
            await db.SaveChangesAsync(ct);
            return erasure;
        }, cancellationToken);
        outbox.Committed();
        return erasure;
    }
}
