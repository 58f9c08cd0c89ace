namespace LlmLab.Contracts.Messages;

/// <summary>
/// Event: an admin erased one user of a tenant. Every service that records what a user created (experiments by
/// created_by, batch runs by owner) deletes it from its own durable queue; deleting again is a no-op.
/// </summary>
public sealed record UserErasureRequested(Guid ErasureId, string TenantId, string SubjectId, DateTimeOffset RequestedAt);
