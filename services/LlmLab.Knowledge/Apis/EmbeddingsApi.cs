using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using LlmLab.Knowledge.Retrieval;
using LlmLab.ServiceKit;

namespace LlmLab.Knowledge.Apis;

/// <summary>
/// POST /v1/embeddings, OpenAI-compatible (the openai SDKs' embeddings.create): model <c>local</c> is the built-in
/// offline embedding; answers {object: list, data: [{object: embedding, index, embedding}], model, usage}.
/// </summary>
public static class EmbeddingsApi
{
    public static IEndpointRouteBuilder MapEmbeddingsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/embeddings", EmbedAsync).RequireTenant();
        return app;
    }

    public static async Task<IResult> EmbedAsync(HttpRequest request, LocalEmbeddingGenerator local, CancellationToken ct)
    {
        if (!request.HasJsonContentType()) return OpenAiErrors.Invalid("Content-Type", $"must be application/json, not '{request.ContentType}'.", 415);
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            body = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return OpenAiErrors.Invalid("body", $"is not valid JSON ({ex.Message}).");
        }
        var (parsed, param, message) = EmbeddingsRequest.Parse(body);
        if (parsed is null) return OpenAiErrors.Invalid(param!, message!);
        if (!string.Equals(parsed.Model, LocalEmbeddingGenerator.ModelName, StringComparison.OrdinalIgnoreCase))
        {
            return OpenAiErrors.Invalid("model", $"'{parsed.Model}' is not an embedding model here; use '{LocalEmbeddingGenerator.ModelName}'.", 404);
        }
        var generator = parsed.Dimensions is { } d && d != local.Dimensions ? new LocalEmbeddingGenerator(d) : local;
        var embeddings = await generator.GenerateAsync(parsed.Inputs, cancellationToken: ct);
        var tokens = parsed.Inputs.Sum(TokenCount);
        var data = embeddings.Select((e, i) => new EmbeddingData("embedding", i,
            parsed.Base64 ? Convert.ToBase64String(MemoryMarshal.AsBytes(e.Vector.Span)) : e.Vector.ToArray())).ToList();
        return Results.Json(new EmbeddingsResponse("list", data, LocalEmbeddingGenerator.ModelName, new EmbeddingUsage(tokens, tokens)),
            ServiceKitExtensions.Json);
    }

    /// <summary>Usage counts whitespace-separated words: the local model has no subword tokenizer.</summary>
    private static int TokenCount(string text) => Math.Max(1, text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
}

public sealed record EmbeddingData([property: JsonPropertyName("object")] string Kind, int Index, object Embedding);

public sealed record EmbeddingUsage(int PromptTokens, int TotalTokens);

public sealed record EmbeddingsResponse([property: JsonPropertyName("object")] string Kind, IReadOnlyList<EmbeddingData> Data, string Model,
    EmbeddingUsage Usage);
