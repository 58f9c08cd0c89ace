using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>
/// OpenAI's chat completion request. Every field here is honoured or refused naming it; any other field lands in
/// <see cref="Unsupported"/> and is refused naming it — nothing is ignored silently.
/// </summary>
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
    [JsonPropertyName("stream_options")] public StreamOptions? StreamOptions { get; set; }
    [JsonPropertyName("n")] public int? N { get; set; }
    [JsonPropertyName("logprobs")] public bool? Logprobs { get; set; }
    [JsonPropertyName("top_logprobs")] public int? TopLogprobs { get; set; }
    /// <summary>{type: text | json_object | json_schema, json_schema?: {name, schema, description?, strict?}}.</summary>
    [JsonPropertyName("response_format")] public JsonElement? ResponseFormat { get; set; }
    /// <summary>[{type: "function", function: {name, description?, parameters?, strict?}}].</summary>
    [JsonPropertyName("tools")] public JsonElement? Tools { get; set; }
    /// <summary>"none" | "auto" | "required" | {type: "function", function: {name}}.</summary>
    [JsonPropertyName("tool_choice")] public JsonElement? ToolChoice { get; set; }
    [JsonPropertyName("parallel_tool_calls")] public bool? ParallelToolCalls { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Unsupported { get; set; }
}

public sealed class StreamOptions
{
    [JsonPropertyName("include_usage")] public bool? IncludeUsage { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unsupported { get; set; }
}

public sealed class WireMessage
{
    [JsonPropertyName("role")] public string? Role { get; set; }
    /// <summary>A string, or an array of parts of which the text parts are used.</summary>
    [JsonPropertyName("content")] public JsonElement? Content { get; set; }
    /// <summary>An assistant message's calls: [{id, type: "function", function: {name, arguments}}].</summary>
    [JsonPropertyName("tool_calls")] public JsonElement? ToolCalls { get; set; }
    /// <summary>A tool message: the call it answers.</summary>
    [JsonPropertyName("tool_call_id")] public string? ToolCallId { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unsupported { get; set; }

    public string Text() => Content switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString() ?? "",
        { ValueKind: JsonValueKind.Array } parts => string.Concat(parts.EnumerateArray()
            .Where(p => p.TryGetProperty("type", out var t) && t.GetString() == "text" && p.TryGetProperty("text", out _))
            .Select(p => p.GetProperty("text").GetString())),
        _ => "",
    };
}
