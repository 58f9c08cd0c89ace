using System.Text;
using System.Text.Json;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Evaluation.Datasets;

/// <summary>A dataset (or version) as sent: multipart (<c>file</c>, <c>name</c>, <c>description</c>) or JSON <c>{name, description, items}</c>.</summary>
public sealed record DatasetUpload(string? Name, string? Description, ParsedItems Items, string Source)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The upload, or the 4xx naming what is wrong with the request itself (media type, file, JSON).</summary>
    public static async Task<(DatasetUpload? Upload, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType) return await ReadFormAsync(request, ct);
        if (!request.HasJsonContentType())
            return (null, Problems.Invalid("Content-Type", $"must be multipart/form-data or application/json, not '{request.ContentType}'.",
                StatusCodes.Status415UnsupportedMediaType));
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, ct);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, Problems.Invalid("body", "must be an object {name, description, items}."));
            var items = new ParsedItems();
            if (!root.TryGetProperty("items", out var list) || list.ValueKind != JsonValueKind.Array) items.Error("items", "must be a list of items.");
            else DatasetParser.ReadElements(items, list);
            return (new DatasetUpload(Text(root, "name"), Text(root, "description"), items, "items"), null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.Invalid("body", $"line {(ex.LineNumber ?? 0) + 1}: not valid JSON.", StatusCodes.Status400BadRequest));
        }
    }

    private static async Task<(DatasetUpload?, ProblemHttpResult?)> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return (null, Problems.Invalid("file", "is required: a JSON, JSONL or CSV file with the items."));
        string text;
        try
        {
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            text = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            return (null, Problems.Invalid("file", "must be UTF-8 text."));
        }
        if (TextRules.Problem(text, int.MaxValue) is { } problem) return (null, Problems.Invalid("file", problem));
        var format = DatasetFormats.Detect(file.FileName, text);
        var name = form["name"].ToString();
        return (new DatasetUpload(name.Length > 0 ? name : Path.GetFileNameWithoutExtension(file.FileName), form["description"].ToString() is { Length: > 0 } d ? d : null,
            DatasetParser.Parse(text, format), EnumNames.Name(format)), null);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
