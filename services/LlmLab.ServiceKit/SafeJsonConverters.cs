using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmLab.ServiceKit;

/// <summary>
/// Every string a service reads from JSON passes <see cref="TextRules"/> (no NUL, no lone surrogate, no invalid UTF-8,
/// at most <see cref="TextRules.MaxAnyString"/> characters); the failure is a JsonException, which the bad-request
/// handler turns into a 400 naming the JSON path. Per-field limits stay with each endpoint's validator.
/// </summary>
public sealed class SafeStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName)) throw new JsonException($"must be a string, not {Describe(reader.TokenType)}.");
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonException("must be valid UTF-8 text.");
        }
        if (TextRules.Problem(text, TextRules.MaxAnyString) is { } problem) throw new JsonException(problem);
        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    // Dictionary keys (a problem's "errors", JSON maps) pass the same rule.
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string name;
        try
        {
            name = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonException("must be valid UTF-8 text.");
        }
        return TextRules.Problem(name, TextRules.MaxAnyString) is { } problem ? throw new JsonException(problem) : name;
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        _ => token.ToString(),
    };
}

/// <summary>
/// Doubles must be finite: NaN, Infinity (as a string) and numbers beyond double's range (1e309) are refused with a
/// JsonException naming the path, so a non-finite value is never validated, computed with or stored.
/// Numeric strings ("0.5") stay accepted, as the web defaults allow.
/// </summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        double value;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetDouble(out value)) throw new JsonException("must be a finite number.");
        }
        else if (reader.TokenType == JsonTokenType.String)
        {
            string? text;
            try
            {
                text = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                throw new JsonException("must be a finite number.");
            }
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) throw new JsonException("must be a number.");
        }
        else
        {
            throw new JsonException($"must be a number, not {SafeStringConverter.Describe(reader.TokenType)}.");
        }
        if (!double.IsFinite(value)) throw new JsonException("must be a finite number (NaN and Infinity are refused).");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        // Computed values (a statistic of one sample) may be non-finite; they are written as null, never as invalid JSON.
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteNullValue();
    }
}
