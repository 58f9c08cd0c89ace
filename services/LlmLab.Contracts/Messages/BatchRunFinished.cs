namespace LlmLab.Contracts.Messages;

/// <summary>Event: every work item of a run has a final result.</summary>
public sealed record BatchRunFinished(Guid RunId, Guid ExperimentId, string TenantId, string Status, int Completed, int Failed, DateTimeOffset FinishedAt);
