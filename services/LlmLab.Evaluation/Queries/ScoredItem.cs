using LlmLab.Evaluation.Domain;

namespace LlmLab.Evaluation.Queries;

/// <summary>The fields of a work item that summaries and comparisons read (no answer text, no trace).</summary>
public sealed record ScoredItem(string ItemKey, string MethodLabel, ItemStatus Status, Dictionary<string, double> Scores, double LatencyMs,
    int PromptTokens, int CompletionTokens, double CostUsd, int Steps, int ToolCalls, int ToolErrors, bool Finished, int? FirstHitRank)
{
    public bool Answered => Status is ItemStatus.Completed or ItemStatus.Stuck;

    /// <summary>Correct for the paired tests: an exact match with a reference or one of its aliases.</summary>
    public bool Correct => Scores.GetValueOrDefault("exact_match") >= 99.999;
}
