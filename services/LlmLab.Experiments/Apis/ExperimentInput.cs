namespace LlmLab.Experiments.Apis;

/// <summary>Body of create and update; on update, absent fields keep their value.</summary>
public sealed record ExperimentInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Prompt { get; init; }
    public string? Provider { get; init; }
    public string? Model { get; init; }
    public double? TemperatureMin { get; init; }
    public double? TemperatureMax { get; init; }
    public double? TemperatureStep { get; init; }
    public double? TopPMin { get; init; }
    public double? TopPMax { get; init; }
    public double? TopPStep { get; init; }
    public int? MaxTokens { get; init; }
    public double? FrequencyPenalty { get; init; }
    public double? PresencePenalty { get; init; }
    public int? ResponseCount { get; init; }
    public long? Seed { get; init; }
    public string? JudgeProvider { get; init; }
    public string? JudgeModel { get; init; }
    public List<string>? Tags { get; init; }
    public bool? IsFavorited { get; init; }
    public bool? IsArchived { get; init; }
}
