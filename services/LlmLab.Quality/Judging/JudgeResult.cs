namespace LlmLab.Quality.Judging;

/// <summary>A judge's 1–10 verdict scaled to 0–100 with its reasoning, or the error that prevented one.</summary>
public sealed record JudgeResult(double? Score, string? Reasoning, string? Error);

/// <summary>Which of two responses a judge prefers once both presentation orders are heard.</summary>
public sealed record PairwiseVerdict(string Winner, bool Consistent, string ReasoningAb, string ReasoningBa, string? Error);
