using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>OpenAI's Responses API request, text in and out; any other field is refused naming it (<see cref="Unsupported"/>).</summary>
public sealed class ResponsesRequest
{
    [JsonPropertyName("model")] public string? Model { get; set; }
    /// <summary>A string, or an array of messages {role, content} whose content is a string or input_text parts.</summary>
    [JsonPropertyName("input")] public JsonElement? Input { get; set; }
    [JsonPropertyName("instructions")] public string? Instructions { get; set; }
    [JsonPropertyName("max_output_tokens")] public int? MaxOutputTokens { get; set; }
    [JsonPropertyName("temperature")] public double? Temperature { get; set; }
    [JsonPropertyName("top_p")] public double? TopP { get; set; }
    [JsonPropertyName("stream")] public bool? Stream { get; set; }
    /// <summary>Responses are not kept: only false (or absent) is accepted.</summary>
    [JsonPropertyName("store")] public bool? Store { get; set; }
    /// <summary>Only {format: {type: "text"}}.</summary>
    [JsonPropertyName("text")] public JsonElement? Text { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unsupported { get; set; }
}
