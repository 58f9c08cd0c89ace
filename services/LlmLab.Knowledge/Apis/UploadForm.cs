using LlmLab.Knowledge.Documents;
using LlmLab.Knowledge.Retrieval;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Knowledge.Apis;

/// <summary>Reads and validates the multipart upload {file, title?, collection?, chunk_size?, chunk_overlap?, embedding_model?}.</summary>
public static class UploadForm
{
    public const string DefaultCollection = "default";

    public static async Task<(Upload? Upload, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, KnowledgeOptions options, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return (null, Problems.Invalid("Content-Type", $"must be multipart/form-data, not '{request.ContentType}'.", StatusCodes.Status415UnsupportedMediaType));
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException ex)
        {
            return (null, Problems.Invalid("body", $"is not a readable multipart form: {ex.Message}", StatusCodes.Status400BadRequest));
        }
        var file = form.Files.GetFile("file");
        if (file is null) return (null, Problems.Invalid("file", "is required (a multipart part named 'file')."));
        if (file.Length > options.MaxFileBytes)
        {
            return (null, Problems.Invalid("file", $"is {file.Length} bytes; at most {options.MaxFileBytes} are accepted.", StatusCodes.Status413PayloadTooLarge));
        }
        if (file.Length == 0) return (null, Problems.Invalid("file", "is empty."));

        var errors = new Dictionary<string, string[]>();
        var title = Text(form, "title") ?? TitleFromFileName(file.FileName);
        if (TextRules.Check(errors, "title", title, TextRules.MaxName) && string.IsNullOrWhiteSpace(title)) errors["title"] = ["must not be blank."];
        var collection = Text(form, "collection") ?? DefaultCollection;
        if (TextRules.Check(errors, "collection", collection, TextRules.MaxName) && string.IsNullOrWhiteSpace(collection)) errors["collection"] = ["must not be blank."];
        var size = Number(form, "chunk_size", options.DefaultChunkSize, errors);
        var overlap = Number(form, "chunk_overlap", Math.Min(options.DefaultChunkOverlap, size / 2), errors);
        if (!errors.ContainsKey("chunk_size") && (size < options.MinChunkSize || size > options.MaxChunkSize))
        {
            errors["chunk_size"] = [$"must be between {options.MinChunkSize} and {options.MaxChunkSize} characters."];
        }
        if (!errors.ContainsKey("chunk_overlap") && (overlap < 0 || overlap > size / 2))
        {
            errors["chunk_overlap"] = [$"must be between 0 and half of chunk_size ({size / 2})."];
        }
        var embeddingModel = Text(form, "embedding_model");
        TextRules.Check(errors, "embedding_model", embeddingModel, TextRules.MaxModel);
        if (errors.Count > 0) return (null, Problems.Invalid(errors));

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (new Upload(buffer.ToArray(), title!.Trim(), collection.Trim(), size, overlap,
            EmbeddingModelName.IsLocal(embeddingModel) ? null : embeddingModel!.Trim()), null);
    }

    private static string? Text(IFormCollection form, string name) => form.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;

    private static int Number(IFormCollection form, string name, int fallback, Dictionary<string, string[]> errors)
    {
        if (Text(form, name) is not { } text || text.Length == 0) return fallback;
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)) return value;
        errors[name] = ["must be a whole number."];
        return fallback;
    }

    /// <summary>The file name without folders or extension; the name only titles the document, it never decides its type.</summary>
    private static string TitleFromFileName(string? fileName)
    {
        var name = Path.GetFileNameWithoutExtension((fileName ?? "").Replace('\\', '/').Split('/')[^1]);
        return string.IsNullOrWhiteSpace(name) ? "untitled" : name;
    }
}
