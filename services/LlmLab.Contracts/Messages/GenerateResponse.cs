namespace LlmLab.Contracts.Messages;

/// <summary>Command: generate and score the response of one work item. The work item id makes handling idempotent.</summary>
public sealed record GenerateResponse(Guid WorkItemId, Guid RunId, string TenantId);
