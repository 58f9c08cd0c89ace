namespace LlmLab.Contracts.Messages;

/// <summary>
/// Event: batch erased the runs a user owned (in the same transaction as this event entered its outbox). Analytics,
/// which does not know who owns a run, deletes the read-model rows of exactly these runs.
/// </summary>
public sealed record UserRunsErased(Guid ErasureId, string TenantId, IReadOnlyList<Guid> RunIds);
