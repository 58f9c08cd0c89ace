namespace LlmLab.Batch.Clients;

/// <summary>The fields of an experiment (as the experiments service answers them) that a run needs.</summary>
public sealed record ExperimentDefinition(
    Guid Id, string Name, string Prompt, string Provider, string Model,
    double TemperatureMin, double TemperatureMax, double TemperatureStep,
    double TopPMin, double TopPMax, double TopPStep,
    int MaxTokens, double FrequencyPenalty, double PresencePenalty, int ResponseCount, long? Seed,
    string? JudgeProvider = null, string? JudgeModel = null, string? CreatedBy = null);
