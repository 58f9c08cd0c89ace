using System.Text.Json;
using System.Text.RegularExpressions;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>The shape of tools, tool_choice, parallel_tool_calls and of the messages that carry tool calls and results.</summary>
public static partial class ToolValidator
{
    public const int MaxTools = 128;

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionName();

    public static bool IsFunctionName(string? name) => name is not null && FunctionName().IsMatch(name);

    public static (string, string)? Error(ChatCompletionRequest body)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        switch (body.Tools)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                break;
            case { ValueKind: JsonValueKind.Array } tools:
                if (tools.GetArrayLength() > MaxTools) return ("tools", $"at most {MaxTools} tools.");
                var index = 0;
                foreach (var tool in tools.EnumerateArray())
                {
                    if (ToolError(tool, $"tools[{index++}]", names) is { } error) return error;
                }
                break;
            default:
                return ("tools", "must be an array of {type: \"function\", function: {...}}.");
        }
        if (body.ParallelToolCalls is not null && names.Count == 0) return ("parallel_tool_calls", "is only allowed with tools.");
        return ChoiceError(body.ToolChoice, names);
    }

    private static (string, string)? ToolError(JsonElement tool, string at, HashSet<string> names)
    {
        if (tool.ValueKind != JsonValueKind.Object) return (at, "must be an object {type: \"function\", function: {...}}.");
        if (!tool.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "function")
            return ($"{at}.type", "must be \"function\".");
        if (!tool.TryGetProperty("function", out var function) || function.ValueKind != JsonValueKind.Object) return ($"{at}.function", "must be an object.");
        if (!function.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || !IsFunctionName(name.GetString()))
            return ($"{at}.function.name", "must be 1 to 64 letters, digits, underscores or dashes.");
        if (!names.Add(name.GetString()!)) return ($"{at}.function.name", $"'{name.GetString()}' is declared twice.");
        if (function.TryGetProperty("description", out var description) && description.ValueKind != JsonValueKind.String)
            return ($"{at}.function.description", "must be a string.");
        if (function.TryGetProperty("parameters", out var parameters) && parameters.ValueKind != JsonValueKind.Object)
            return ($"{at}.function.parameters", "must be a JSON Schema object.");
        if (function.TryGetProperty("strict", out var strict) && strict.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            return ($"{at}.function.strict", "must be true or false.");
        foreach (var field in function.EnumerateObject())
        {
            if (field.Name is not ("name" or "description" or "parameters" or "strict")) return ($"{at}.function.{Named(field.Name)}", "is not supported; remove it.");
        }
        return null;
    }

    private static (string, string)? ChoiceError(JsonElement? choice, HashSet<string> names)
    {
        switch (choice)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.String } mode:
                if (mode.GetString() is not ("none" or "auto" or "required")) return ("tool_choice", "must be none, auto, required or {type: \"function\", function: {name}}.");
                return mode.GetString() != "none" && names.Count == 0 ? ("tool_choice", $"'{mode.GetString()}' needs tools.") : null;
            case { ValueKind: JsonValueKind.Object } named:
                if (!named.TryGetProperty("function", out var function) || function.ValueKind != JsonValueKind.Object
                    || !function.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
                    return ("tool_choice.function.name", "is required.");
                return names.Contains(name.GetString()!) ? null : ("tool_choice.function.name", "must name one of the tools.");
            default:
                return ("tool_choice", "must be a string or an object.");
        }
    }

    /// <summary>A tool message answers a call by id; an assistant message may carry calls instead of text.</summary>
    public static (string, string)? MessageError(WireMessage message, int i)
    {
        var at = $"messages[{i}]";
        if (message.Role == "tool")
        {
            if (string.IsNullOrEmpty(message.ToolCallId) || message.ToolCallId.Length > 256) return ($"{at}.tool_call_id", "is required in a tool message (the id of the call it answers).");
            if (message.Content is not { ValueKind: JsonValueKind.String or JsonValueKind.Array }) return ($"{at}.content", "is required in a tool message.");
        }
        else if (message.ToolCallId is not null)
        {
            return ($"{at}.tool_call_id", "is only allowed in a tool message.");
        }
        if (message.Name is { } name && !FunctionName().IsMatch(name)) return ($"{at}.name", "must be 1 to 64 letters, digits, underscores or dashes.");
        switch (message.ToolCalls)
        {
            case null or { ValueKind: JsonValueKind.Null }:
                return null;
            case { ValueKind: JsonValueKind.Array } calls when message.Role == "assistant":
                var index = 0;
                foreach (var call in calls.EnumerateArray())
                {
                    var callAt = $"{at}.tool_calls[{index++}]";
                    if (call.ValueKind != JsonValueKind.Object) return (callAt, "must be an object.");
                    if (!call.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString()!.Length is 0 or > 256) return ($"{callAt}.id", "is required.");
                    if (!call.TryGetProperty("function", out var function) || function.ValueKind != JsonValueKind.Object) return ($"{callAt}.function", "must be an object.");
                    if (!function.TryGetProperty("name", out var callName) || callName.ValueKind != JsonValueKind.String || !FunctionName().IsMatch(callName.GetString()!))
                        return ($"{callAt}.function.name", "must be 1 to 64 letters, digits, underscores or dashes.");
                    if (!function.TryGetProperty("arguments", out var arguments) || arguments.ValueKind != JsonValueKind.String || !IsJsonObject(arguments.GetString()!))
                        return ($"{callAt}.function.arguments", "must be a string holding a JSON object.");
                }
                return null;
            case { ValueKind: JsonValueKind.Array }:
                return ($"{at}.tool_calls", "is only allowed in an assistant message.");
            default:
                return ($"{at}.tool_calls", "must be an array.");
        }
    }

    public static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Named(string field) => LlmLab.ServiceKit.TextRules.Problem(field, LlmLab.ServiceKit.TextRules.MaxName) is null ? field : "?";
}
