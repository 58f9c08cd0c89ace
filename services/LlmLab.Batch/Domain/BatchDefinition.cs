using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmLab.Batch.Domain;

/// <summary>Body of POST /api/experiments/batch: a prompt and model and the ranges or lists to sweep.</summary>
public sealed record BatchDefinition
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Prompt { get; init; }
    public string? Provider { get; init; }
    public string? Model { get; init; }
    public ParameterRanges? ParameterRanges { get; init; }
    public int? ResponseCount { get; init; }
    public long? Seed { get; init; }
}

public sealed record ParameterRanges
{
    public JsonElement? Temperature { get; init; }
    public JsonElement? TopP { get; init; }
    public JsonElement? FrequencyPenalty { get; init; }
    public JsonElement? PresencePenalty { get; init; }
    public List<int>? MaxTokens { get; init; }
    [JsonPropertyName("model")] public List<string>? Models { get; init; }
    [JsonPropertyName("prompt")] public List<string>? Prompts { get; init; }
}
