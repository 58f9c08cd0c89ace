namespace LlmLab.Contracts.Messages;

/// <summary>
/// Command: generate and score the responses of a chunk of one run's work items (one message per chunk instead of one
/// per call). The work item ids make handling idempotent: only items still pending are called and recorded.
/// </summary>
public sealed record GenerateResponses(Guid RunId, string TenantId, IReadOnlyList<Guid> WorkItemIds);
