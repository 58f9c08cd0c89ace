using System.Text.Json;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>response_format: {type: text} | {type: json_object} | {type: json_schema, json_schema: {name, schema, description?, strict?}}.</summary>
public static class ResponseFormatValidator
{
    public static (string, string)? Error(JsonElement? format)
    {
        if (format is null or { ValueKind: JsonValueKind.Null }) return null;
        var value = format.Value;
        if (value.ValueKind != JsonValueKind.Object) return ("response_format", "must be an object {type: ...}.");
        if (!value.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String) return ("response_format.type", "is required.");
        switch (type.GetString())
        {
            case "text" or "json_object":
                return null;
            case "json_schema":
                if (!value.TryGetProperty("json_schema", out var schema) || schema.ValueKind != JsonValueKind.Object) return ("response_format.json_schema", "is required with type json_schema.");
                if (!schema.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString()!.Length is 0 or > 64)
                    return ("response_format.json_schema.name", "is required (at most 64 characters).");
                if (!schema.TryGetProperty("schema", out var body) || body.ValueKind != JsonValueKind.Object) return ("response_format.json_schema.schema", "must be a JSON Schema object.");
                if (schema.TryGetProperty("description", out var description) && description.ValueKind != JsonValueKind.String)
                    return ("response_format.json_schema.description", "must be a string.");
                if (schema.TryGetProperty("strict", out var strict) && strict.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    return ("response_format.json_schema.strict", "must be true or false.");
                return null;
            default:
                return ("response_format.type", "must be text, json_object or json_schema.");
        }
    }

    /// <summary>True when the format asks for JSON (anything but text).</summary>
    public static bool AsksForJson(JsonElement? format) =>
        format is { ValueKind: JsonValueKind.Object } f && f.TryGetProperty("type", out var type) && type.GetString() != "text";
}
