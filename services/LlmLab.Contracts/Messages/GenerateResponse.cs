namespace LlmLab.Contracts.Messages;

/// <summary>
/// Command: generate and score the response of one work item (the first version; runs now queue
/// <see cref="GenerateResponses"/> per chunk, and a worker still takes this one). The work item id makes handling idempotent.
/// </summary>
public sealed record GenerateResponse(Guid WorkItemId, Guid RunId, string TenantId);
