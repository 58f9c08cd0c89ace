namespace LlmLab.Identity.Domain;

/// <summary>One line of a tenant's audit log: who did what, when, and how it ended.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string SubjectId { get; set; }
    public required string Role { get; set; }
    /// <summary>key.issued, key.revoked, user.created, user.updated, user.removed, organisation.updated, request, export.</summary>
    public required string Action { get; set; }
    /// <summary>What was acted on (a key or user id), for identity's own changes.</summary>
    public string? Target { get; set; }
    public string? Method { get; set; }
    public string? Path { get; set; }
    public int? Status { get; set; }
    public DateTimeOffset At { get; set; }
}
