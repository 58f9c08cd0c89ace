using System.Globalization;
using System.Text.Json;
using LlmLab.Evaluation.Domain;

namespace LlmLab.Evaluation.Datasets;

/// <summary>
/// Reads one item from JSON: <c>{id?, question, answers: [..] | answer: "..", aliases?: [..], context?,
/// supporting_facts?: ["text" | {title, text}], metadata?: {key: string | number | bool}}</c>. Wrong shapes are errors
/// naming the field, never exceptions.
/// </summary>
public static class JsonItemReader
{
    public static void Read(ParsedItems parsed, JsonElement element, int index, int? line)
    {
        var at = line is { } l ? $"line {l}: " : "";
        var before = parsed.Errors.Count;
        void Error(string field, string message) => parsed.Error($"items[{index}]{field}", at + message);
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error("", "must be an object with question and answers.");
            return;
        }

        string? String(string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            if (value.ValueKind == JsonValueKind.Number) return value.GetRawText();
            Error($".{name}", "must be a string.");
            return null;
        }

        List<string> Strings(string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
            if (value.ValueKind is JsonValueKind.String or JsonValueKind.Number) return [Scalar(value)];
            if (value.ValueKind != JsonValueKind.Array)
            {
                Error($".{name}", "must be a list of strings.");
                return [];
            }
            var list = new List<string>();
            var i = 0;
            foreach (var entry in value.EnumerateArray())
            {
                if (entry.ValueKind is JsonValueKind.String or JsonValueKind.Number) list.Add(Scalar(entry));
                else Error($".{name}[{i}]", "must be a string.");
                i++;
            }
            return list;
        }

        var answers = Strings("answers");
        if (String("answer") is { } single) answers.Insert(0, single);
        answers.AddRange(Strings("aliases"));
        var facts = Facts(element, Error);
        var metadata = Metadata(element, Error);
        var draft = new ItemDraft(String("id"), String("question") ?? "", answers, String("context"), facts, metadata);
        if (parsed.Errors.Count == before) ItemRules.Add(parsed, draft, index, line);
    }

    private static string Scalar(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static List<SupportingFact> Facts(JsonElement element, Action<string, string> error)
    {
        if (!element.TryGetProperty("supporting_facts", out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            error(".supporting_facts", "must be a list of strings or {title, text} objects.");
            return [];
        }
        var facts = new List<SupportingFact>();
        var i = 0;
        foreach (var entry in value.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.String) facts.Add(ItemRules.Fact("", entry.GetString()!));
            else if (entry.ValueKind == JsonValueKind.Object
                     && entry.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
                     && (!entry.TryGetProperty("title", out var title) || title.ValueKind is JsonValueKind.String or JsonValueKind.Null))
                facts.Add(ItemRules.Fact(entry.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "", text.GetString()!));
            else error($".supporting_facts[{i}]", "must be a string or an object {title, text} of strings.");
            i++;
        }
        return facts;
    }

    private static Dictionary<string, string> Metadata(JsonElement element, Action<string, string> error)
    {
        if (!element.TryGetProperty("metadata", out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Object)
        {
            error(".metadata", "must be an object of strings, numbers or booleans.");
            return [];
        }
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String: metadata[property.Name] = property.Value.GetString()!; break;
                case JsonValueKind.Number: metadata[property.Name] = property.Value.GetRawText(); break;
                case JsonValueKind.True or JsonValueKind.False:
                    metadata[property.Name] = property.Value.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant(); break;
                default: error($".metadata.{property.Name}", "must be a string, number or boolean."); break;
            }
        }
        return metadata;
    }
}
