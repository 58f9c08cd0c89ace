using System.Text.Json;
using LlmLab.ServiceKit;

namespace LlmLab.Knowledge.Apis;

/// <summary>An OpenAI embeddings request, read from JSON by hand so every fault names its parameter.</summary>
public sealed record EmbeddingsRequest(IReadOnlyList<string> Inputs, string Model, bool Base64, int? Dimensions)
{
    public const int MaxInputs = 2048;
    public const int MaxDimensions = 4096;

    /// <summary>The request, or the parameter at fault and why.</summary>
    public static (EmbeddingsRequest? Request, string? Param, string? Message) Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return (null, "body", "must be a JSON object.");
        if (!body.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(model.GetString()))
            return (null, "model", "is required (a model name, e.g. 'local').");
        if (TextRules.Problem(model.GetString(), TextRules.MaxModel) is { } badModel) return (null, "model", badModel);

        if (!body.TryGetProperty("input", out var input)) return (null, "input", "is required (a string or an array of strings).");
        var (inputs, inputProblem) = ReadInputs(input);
        if (inputProblem is not null) return (null, "input", inputProblem);

        var base64 = false;
        if (body.TryGetProperty("encoding_format", out var format) && format.ValueKind != JsonValueKind.Null)
        {
            var value = format.ValueKind == JsonValueKind.String ? format.GetString() : null;
            if (value is not ("float" or "base64")) return (null, "encoding_format", "must be 'float' or 'base64'.");
            base64 = value == "base64";
        }
        int? dimensions = null;
        if (body.TryGetProperty("dimensions", out var dims) && dims.ValueKind != JsonValueKind.Null)
        {
            if (dims.ValueKind != JsonValueKind.Number || !dims.TryGetInt32(out var d) || d < 1 || d > MaxDimensions)
                return (null, "dimensions", $"must be a whole number between 1 and {MaxDimensions}.");
            dimensions = d;
        }
        return (new EmbeddingsRequest(inputs!, model.GetString()!.Trim(), base64, dimensions), null, null);
    }

    private static (List<string>? Inputs, string? Problem) ReadInputs(JsonElement input)
    {
        if (input.ValueKind == JsonValueKind.String) return One(input.GetString()!) is { } p ? (null, p) : ([input.GetString()!], null);
        if (input.ValueKind != JsonValueKind.Array) return (null, "must be a string or an array of strings.");
        var count = input.GetArrayLength();
        if (count == 0) return (null, "must not be an empty array.");
        if (count > MaxInputs) return (null, $"has {count} items; at most {MaxInputs} per request.");
        var inputs = new List<string>(count);
        var index = 0;
        foreach (var item in input.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return (null, $"item {index} is not a string (token arrays are not accepted; send text).");
            if (One(item.GetString()!) is { } problem) return (null, $"item {index} {problem}");
            inputs.Add(item.GetString()!);
            index++;
        }
        return (inputs, null);
    }

    private static string? One(string text) =>
        text.Length == 0 ? "must not be empty." : TextRules.Problem(text, TextRules.MaxPrompt);
}
