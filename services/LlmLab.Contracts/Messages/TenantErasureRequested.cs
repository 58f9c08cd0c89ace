namespace LlmLab.Contracts.Messages;

/// <summary>
/// Event: a tenant asked to be erased. Every service that holds tenant data consumes it from its own durable queue and
/// deletes what it holds; deleting again is a no-op, so a redelivery after a crash simply finishes the job.
/// </summary>
public sealed record TenantErasureRequested(Guid ErasureId, string TenantId, DateTimeOffset RequestedAt);
