namespace LlmLab.Optimization;

/// <summary>One point of a batch's grid: its combination index and the parameters of its calls (null model or prompt: the run's own).</summary>
public sealed record SearchConfiguration(int Index, double Temperature, double TopP, double FrequencyPenalty, double PresencePenalty, int MaxTokens,
    string? Model, string? Prompt);
