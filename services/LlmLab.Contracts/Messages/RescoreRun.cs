namespace LlmLab.Contracts.Messages;

/// <summary>Command: recompute every stored response's metrics of a run with the current analysis version.</summary>
public sealed record RescoreRun(Guid RunId, string TenantId, Guid RequestId);
