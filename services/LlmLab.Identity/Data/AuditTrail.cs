using LlmLab.Identity.Domain;
using LlmLab.ServiceKit;

namespace LlmLab.Identity.Data;

/// <summary>Identity's own changes go into the audit log in the same transaction as the change itself.</summary>
public static class AuditTrail
{
    public static void RecordChange(this IdentityDbContext db, CallerIdentity caller, string action, string target, DateTimeOffset now) =>
        db.Audit.Add(new AuditEntry
        {
            TenantId = caller.TenantId,
            SubjectId = caller.SubjectId,
            Role = caller.Role,
            Action = action,
            Target = target,
            At = now,
        });
}
