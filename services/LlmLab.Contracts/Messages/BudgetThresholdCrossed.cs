namespace LlmLab.Contracts.Messages;

/// <summary>
/// Event: a tenant's LLM spend for a period (daily, weekly, monthly; <paramref name="PeriodLabel"/> names which one)
/// reached its threshold. Published once per period; the period and label make handling idempotent.
/// </summary>
public sealed record BudgetThresholdCrossed(string TenantId, string Period, string PeriodLabel, double ThresholdUsd, double SpentUsd, DateTimeOffset At);
