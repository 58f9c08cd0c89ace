namespace LlmLab.LlmIntegration.Providers.Local;

/// <summary>How the next token is drawn. Temperature 0 is greedy; penalties follow OpenAI's definitions.</summary>
public sealed record SamplingSettings(
    double Temperature = 1.0,
    double TopP = 1.0,
    int TopK = 0,
    double FrequencyPenalty = 0,
    double PresencePenalty = 0);
