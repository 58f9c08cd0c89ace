using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>OpenAI's legacy completions request (one prompt in, text out); any other field is refused naming it.</summary>
public sealed class CompletionsRequest
{
    [JsonPropertyName("model")] public string? Model { get; set; }
    /// <summary>A string, or an array holding one string.</summary>
    [JsonPropertyName("prompt")] public JsonElement? Prompt { get; set; }
    [JsonPropertyName("max_tokens")] public int? MaxTokens { get; set; }
    [JsonPropertyName("temperature")] public double? Temperature { get; set; }
    [JsonPropertyName("top_p")] public double? TopP { get; set; }
    [JsonPropertyName("n")] public int? N { get; set; }
    [JsonPropertyName("stop")] public JsonElement? Stop { get; set; }
    [JsonPropertyName("seed")] public long? Seed { get; set; }
    [JsonPropertyName("frequency_penalty")] public double? FrequencyPenalty { get; set; }
    [JsonPropertyName("presence_penalty")] public double? PresencePenalty { get; set; }
    [JsonPropertyName("stream")] public bool? Stream { get; set; }
    [JsonPropertyName("stream_options")] public StreamOptions? StreamOptions { get; set; }
    [JsonPropertyName("echo")] public bool? Echo { get; set; }
    [JsonPropertyName("best_of")] public int? BestOf { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Unsupported { get; set; }

    /// <summary>OpenAI's default for this endpoint.</summary>
    public const int DefaultMaxTokens = 16;

    /// <summary>The equivalent chat request, or the parameter this endpoint cannot honour.</summary>
    public (ChatCompletionRequest? Chat, (string Param, string Message)? Error) ToChat()
    {
        if (ChatCompletionValidator.UnsupportedField(Unsupported, "") is { } unsupported)
            return (null, (unsupported.Item1, "is not supported by this platform's /v1/completions; remove it."));
        if (Echo == true) return (null, ("echo", "echoing the prompt is not supported."));
        if (BestOf is not (null or 1)) return (null, ("best_of", "only 1 is supported; use n for several completions."));
        JsonElement prompt;
        switch (Prompt)
        {
            case { ValueKind: JsonValueKind.String } single:
                prompt = single;
                break;
            case { ValueKind: JsonValueKind.Array } list when list.GetArrayLength() == 1 && list[0].ValueKind == JsonValueKind.String:
                prompt = list[0];
                break;
            default:
                return (null, ("prompt", "must be a string (or an array of one string)."));
        }
        return (new ChatCompletionRequest
        {
            Model = Model, Messages = [new WireMessage { Role = "user", Content = prompt.Clone() }], MaxTokens = MaxTokens ?? DefaultMaxTokens,
            Temperature = Temperature, TopP = TopP, N = N, Stop = Stop, Seed = Seed, FrequencyPenalty = FrequencyPenalty, PresencePenalty = PresencePenalty,
            Stream = Stream, StreamOptions = StreamOptions,
        }, null);
    }
}
