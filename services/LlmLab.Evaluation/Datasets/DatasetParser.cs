using System.Text.Json;
using Microsoft.VisualBasic.FileIO;

namespace LlmLab.Evaluation.Datasets;

/// <summary>
/// Reads a dataset upload. JSON: a list of items or <c>{items: [...]}</c>; JSONL: one item per line; CSV: a header row
/// with <c>question</c> and <c>answers</c> (aliases separated by <c>|</c>), optional <c>id</c>, <c>context</c>,
/// <c>supporting_facts</c> (separated by <c>|</c>, each <c>title::text</c> or text); other columns become metadata.
/// Errors name the item and field and, for line formats, the line.
/// </summary>
public static class DatasetParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    public static ParsedItems Parse(string text, DatasetFormat format) => format switch
    {
        DatasetFormat.Json => ParseJson(text),
        DatasetFormat.Jsonl => ParseJsonl(text),
        _ => ParseCsv(text),
    };

    public static ParsedItems ParseJson(string text)
    {
        var parsed = new ParsedItems();
        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var items)) root = items;
            if (root.ValueKind != JsonValueKind.Array)
            {
                parsed.Error("items", "must be a list of items (or an object with an items list).");
                return parsed;
            }
            ReadElements(parsed, root);
        }
        catch (JsonException ex)
        {
            parsed.Error("file", $"line {(ex.LineNumber ?? 0) + 1}: not valid JSON ({ex.Message.Split('.')[0]}).");
        }
        return parsed;
    }

    public static void ReadElements(ParsedItems parsed, JsonElement items)
    {
        var index = 0;
        foreach (var element in items.EnumerateArray()) JsonItemReader.Read(parsed, element, index++, null);
        if (index == 0) parsed.Error("items", "must hold at least one item.");
    }

    public static ParsedItems ParseJsonl(string text)
    {
        var parsed = new ParsedItems();
        var lines = text.Split('\n');
        var index = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            try
            {
                using var document = JsonDocument.Parse(line, DocumentOptions);
                JsonItemReader.Read(parsed, document.RootElement, index, i + 1);
            }
            catch (JsonException ex)
            {
                parsed.Error($"items[{index}]", $"line {i + 1}: not valid JSON ({ex.Message.Split('.')[0]}).");
            }
            index++;
        }
        if (index == 0) parsed.Error("items", "must hold at least one item.");
        return parsed;
    }

    public static ParsedItems ParseCsv(string text)
    {
        var parsed = new ParsedItems();
        using var parser = new TextFieldParser(new StringReader(text)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        string[]? header;
        try
        {
            header = parser.ReadFields()?.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        }
        catch (MalformedLineException ex)
        {
            parsed.Error("file", $"line {ex.LineNumber}: {ex.Message}");
            return parsed;
        }
        if (header is null || !header.Contains("question") || !(header.Contains("answers") || header.Contains("answer")))
        {
            parsed.Error("file", "line 1: the header must name the columns question and answers.");
            return parsed;
        }
        if (header.Distinct(StringComparer.Ordinal).Count() != header.Length)
        {
            parsed.Error("file", "line 1: column names must be unique.");
            return parsed;
        }
        var index = 0;
        while (!parser.EndOfData)
        {
            var line = (int)parser.LineNumber;
            string[]? fields;
            try
            {
                fields = parser.ReadFields();
            }
            catch (MalformedLineException ex)
            {
                parsed.Error($"items[{index++}]", $"line {ex.LineNumber}: {ex.Message}");
                continue;
            }
            if (fields is null || fields.All(string.IsNullOrWhiteSpace)) continue;
            if (fields.Length != header.Length)
            {
                parsed.Error($"items[{index++}]", $"line {line}: has {fields.Length} fields, the header {header.Length}.");
                continue;
            }
            ItemRules.Add(parsed, ToDraft(header, fields), index++, line);
        }
        if (index == 0 && parsed.Errors.Count == 0) parsed.Error("items", "must hold at least one item.");
        return parsed;
    }

    private static ItemDraft ToDraft(string[] header, string[] fields)
    {
        string? Field(string name) => Array.IndexOf(header, name) is var i and >= 0 && fields[i].Length > 0 ? fields[i] : null;
        var answers = (Field("answers") ?? Field("answer") ?? "").Split('|').Concat((Field("aliases") ?? "").Split('|'))
            .Where(a => a.Trim().Length > 0).ToList();
        var facts = (Field("supporting_facts") ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f.Split("::", 2) is [var title, var body] ? ItemRules.Fact(title, body) : ItemRules.Fact("", f)).ToList();
        string[] known = ["id", "question", "answers", "answer", "aliases", "context", "supporting_facts"];
        var metadata = header.Select((h, i) => (h, i)).Where(c => !known.Contains(c.h) && fields[c.i].Length > 0)
            .ToDictionary(c => c.h, c => fields[c.i], StringComparer.Ordinal);
        return new ItemDraft(Field("id"), Field("question") ?? "", answers, Field("context"), facts, metadata);
    }
}
