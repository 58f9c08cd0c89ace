namespace LlmLab.Contracts.Messages;

/// <summary>A run started, resumed or went back to running to retry its errors.</summary>
public sealed record BatchRunStarted(Guid RunId, Guid ExperimentId, string TenantId, DateTimeOffset StartedAt);
