namespace LlmLab.Evaluation.Domain;

/// <summary>The model that judges an evaluation's grounded answers (faithfulness), resolved when the evaluation starts.</summary>
public sealed record JudgeSettings(string Provider, string Model);
