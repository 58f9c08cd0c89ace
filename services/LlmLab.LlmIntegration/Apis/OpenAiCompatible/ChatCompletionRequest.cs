using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>OpenAI's chat completion request, the fields the platform honours.</summary>
public sealed class ChatCompletionRequest
{
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("messages")] public List<WireMessage>? Messages { get; set; }
    [JsonPropertyName("temperature")] public double? Temperature { get; set; }
    [JsonPropertyName("top_p")] public double? TopP { get; set; }
    [JsonPropertyName("max_tokens")] public int? MaxTokens { get; set; }
    [JsonPropertyName("max_completion_tokens")] public int? MaxCompletionTokens { get; set; }
    [JsonPropertyName("frequency_penalty")] public double? FrequencyPenalty { get; set; }
    [JsonPropertyName("presence_penalty")] public double? PresencePenalty { get; set; }
    [JsonPropertyName("seed")] public long? Seed { get; set; }
    /// <summary>A string or an array of strings.</summary>
    [JsonPropertyName("stop")] public JsonElement? Stop { get; set; }
    [JsonPropertyName("stream")] public bool? Stream { get; set; }
    [JsonPropertyName("n")] public int? N { get; set; }
}

public sealed class WireMessage
{
    [JsonPropertyName("role")] public string? Role { get; set; }
    /// <summary>A string, or an array of parts of which the text parts are used.</summary>
    [JsonPropertyName("content")] public JsonElement? Content { get; set; }

    public string Text() => Content switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString() ?? "",
        { ValueKind: JsonValueKind.Array } parts => string.Concat(parts.EnumerateArray()
            .Where(p => p.TryGetProperty("type", out var t) && t.GetString() == "text" && p.TryGetProperty("text", out _))
            .Select(p => p.GetProperty("text").GetString())),
        _ => "",
    };
}
