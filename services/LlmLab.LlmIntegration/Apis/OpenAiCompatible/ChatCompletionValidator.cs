using System.Text.Json;
using LlmLab.ServiceKit;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>
/// The first problem with a chat completion request, as OpenAI reports it: the parameter and a message. Content and stop
/// sequences arrive as raw JSON (a string or an array), so their types and text (valid UTF-8, no lone surrogate, no
/// NUL, within the caps) are checked here, before anything reads them.
/// </summary>
public static class ChatCompletionValidator
{
    public const int MaxMessages = 1_000;
    public const int MaxStopSequences = 4;
    public const int MaxStopLength = 1_000;

    public const int MaxChoices = 16;

    private static readonly HashSet<string> Roles = ["system", "user", "assistant", "developer", "tool"];

    public static (string Param, string Message)? FirstError(ChatCompletionRequest? body)
    {
        if (body is null) return ("body", "a JSON object is required.");
        if (UnsupportedField(body.Unsupported, "") is { } unsupported) return unsupported;
        if (string.IsNullOrWhiteSpace(body.Model)) return ("model", "is required.");
        if (TextRules.Problem(body.Model, TextRules.MaxProvider + 1 + TextRules.MaxModel) is { } badModel) return ("model", badModel);
        if (body.Messages is not { Count: > 0 }) return ("messages", "at least one message is required.");
        if (body.Messages.Count > MaxMessages) return ("messages", $"at most {MaxMessages} messages per request.");
        var total = 0L;
        for (var i = 0; i < body.Messages.Count; i++)
        {
            if (body.Messages[i] is not { } message) return ($"messages[{i}]", "must be an object.");
            if (message.Role is not { } role || !Roles.Contains(role)) return ($"messages[{i}].role", "must be system, developer, user, assistant or tool.");
            if (UnsupportedField(message.Unsupported, $"messages[{i}].") is { } unsupportedInMessage) return unsupportedInMessage;
            if (ContentError(message.Content, $"messages[{i}].content", ref total) is { } contentError) return contentError;
            if (ToolValidator.MessageError(message, i) is { } toolError) return toolError;
        }
        if (total > TextRules.MaxPrompt) return ("messages", $"the messages' text must be at most {TextRules.MaxPrompt} characters together (got {total}).");
        if (body.Messages.All(m => string.IsNullOrWhiteSpace(m.Text()))) return ("messages", "at least one message needs text content.");
        if (!InRange(body.Temperature, 0, 2)) return ("temperature", "must be between 0 and 2.");
        if (body.TopP is { } topP && !(topP > 0 && topP <= 1)) return ("top_p", "must be greater than 0 and at most 1.");
        if ((body.MaxCompletionTokens ?? body.MaxTokens) is < 1 or > 32768) return ("max_tokens", "must be between 1 and 32768.");
        if (!InRange(body.FrequencyPenalty, -2, 2)) return ("frequency_penalty", "must be between -2 and 2.");
        if (!InRange(body.PresencePenalty, -2, 2)) return ("presence_penalty", "must be between -2 and 2.");
        if (body.N is < 1 or > MaxChoices) return ("n", $"must be between 1 and {MaxChoices}.");
        if (body.TopLogprobs is < 0 or > 20) return ("top_logprobs", "must be between 0 and 20.");
        if (body.TopLogprobs is not null && body.Logprobs != true) return ("top_logprobs", "needs logprobs: true.");
        if (body.StreamOptions is not null && body.Stream != true) return ("stream_options", "is only allowed with stream: true.");
        if (UnsupportedField(body.StreamOptions?.Unsupported, "stream_options.") is { } badStreamOption) return badStreamOption;
        if (ResponseFormatValidator.Error(body.ResponseFormat) is { } formatError) return formatError;
        if (ToolValidator.Error(body) is { } toolsError) return toolsError;
        return StopError(body.Stop);
    }

    /// <summary>
    /// A field the platform does not implement is refused by name rather than ignored — unless it asks for nothing
    /// (null, [] or {}, as some SDKs send by default), when there is nothing to honour.
    /// </summary>
    public static (string, string)? UnsupportedField(Dictionary<string, JsonElement>? unsupported, string prefix)
    {
        var name = unsupported?.FirstOrDefault(f => !AsksNothing(f.Value)).Key;
        if (name is null) return null;
        return TextRules.Problem(name, TextRules.MaxName) is null
            ? ($"{prefix}{name}", "is not supported by this platform; remove it.")
            : (prefix.Length > 0 ? prefix.TrimEnd('.') : "body", "has a field name that is not valid text.");
    }

    private static bool AsksNothing(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => true,
        JsonValueKind.Array => value.GetArrayLength() == 0,
        JsonValueKind.Object => !value.EnumerateObject().Any(),
        _ => false,
    };

    private static bool InRange(double? value, double lowest, double highest) => value is not { } v || (v >= lowest && v <= highest);

    /// <summary>A string, or an array of parts each {type, text?}: text parts need a string text.</summary>
    private static (string, string)? ContentError(JsonElement? content, string param, ref long total)
    {
        switch (content)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.String } text:
                return TextError(text, param, ref total);
            case { ValueKind: JsonValueKind.Array } parts:
                var index = 0;
                foreach (var part in parts.EnumerateArray())
                {
                    var at = $"{param}[{index++}]";
                    if (part.ValueKind != JsonValueKind.Object) return (at, "must be an object {type, text}.");
                    if (!part.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String) return ($"{at}.type", "must be a string.");
                    if (TextError(type, $"{at}.type", ref total) is { } badType) return badType;
                    if (type.GetString() != "text") return ($"{at}.type", "only text parts are supported (no images, audio or files).");
                    if (!part.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String) return ($"{at}.text", "must be a string.");
                    if (TextError(text, $"{at}.text", ref total) is { } badText) return badText;
                }
                return null;
            default:
                return (param, "must be a string or an array of content parts.");
        }
    }

    private static (string, string)? StopError(JsonElement? stop)
    {
        var ignored = 0L;
        switch (stop)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.String } one:
                return TextError(one, "stop", ref ignored, MaxStopLength);
            case { ValueKind: JsonValueKind.Array } many:
                if (many.GetArrayLength() > MaxStopSequences) return ("stop", $"at most {MaxStopSequences} stop sequences.");
                var index = 0;
                foreach (var item in many.EnumerateArray())
                {
                    var at = $"stop[{index++}]";
                    if (item.ValueKind != JsonValueKind.String) return (at, "must be a string.");
                    if (TextError(item, at, ref ignored, MaxStopLength) is { } bad) return bad;
                }
                return null;
            default:
                return ("stop", "must be a string or an array of strings.");
        }
    }

    /// <summary>Reading the string is where invalid UTF-8 and escaped lone surrogates surface; both are the caller's error.</summary>
    private static (string, string)? TextError(JsonElement value, string param, ref long total, int maxLength = TextRules.MaxPrompt)
    {
        string text;
        try
        {
            text = value.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return (param, "must be valid UTF-8 text (no lone surrogates).");
        }
        total += text.Length;
        return TextRules.Problem(text, maxLength) is { } problem ? (param, problem) : null;
    }
}
