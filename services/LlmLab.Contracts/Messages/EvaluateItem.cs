namespace LlmLab.Contracts.Messages;

/// <summary>Command: answer and score one evaluation work item (dataset item × method). Its id makes handling idempotent.</summary>
public sealed record EvaluateItem(Guid WorkItemId, Guid EvaluationId, string TenantId);
