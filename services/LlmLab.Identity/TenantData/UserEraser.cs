using LlmLab.Contracts.Messages;
using LlmLab.Identity.Data;
using LlmLab.Identity.Domain;
using LlmLab.Messaging;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Identity.TenantData;

/// <summary>
/// Erases one user. In one transaction: the user's row (removed or not) and keys are deleted, the erasure is audited
/// (`user.erased`, naming only the subject id) and <see cref="UserErasureRequested"/> is put in the outbox; experiments
/// and batch then delete what the user created, and batch tells analytics which runs went.
/// </summary>
public sealed class UserEraser(IdentityDbContext db, Outbox outbox, TimeProvider time)
{
    public enum Outcome { Erased, NotFound, LastAdmin }

    public async Task<(Outcome Outcome, UserErasureRequested? Erasure)> EraseAsync(CallerIdentity caller, Guid userId, CancellationToken cancellationToken)
    {
        var tenant = caller.TenantId;
        var result = await db.InTransactionAsync(async ct =>
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.OrganisationId == tenant, ct);
            if (user is null) return (Outcome.NotFound, (UserErasureRequested?)null);
            if (user.DeletedAt is null && user.Role == Roles.Admin && await db.AdminCountAsync(tenant, ct) == 1) return (Outcome.LastAdmin, null);
            var now = time.GetUtcNow();
            await db.ApiKeys.Where(k => k.OrganisationId == tenant && k.UserId == userId).ExecuteDeleteAsync(ct);
            await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);
            var erasure = new UserErasureRequested(Guid.CreateVersion7(), tenant, Subjects.OfUser(userId), now);
            db.RecordChange(caller, "user.erased", erasure.SubjectId, now);
            outbox.Add(db, erasure);
            await db.SaveChangesAsync(ct);
            return (Outcome.Erased, erasure);
        }, cancellationToken);
        if (result.Item1 == Outcome.Erased) outbox.Committed();
        return result;
    }
}
