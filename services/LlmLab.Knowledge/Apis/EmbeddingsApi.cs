using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using LlmLab.Knowledge.Retrieval;
using LlmLab.ServiceKit;

namespace LlmLab.Knowledge.Apis;

/// <summary>
/// POST /v1/embeddings, OpenAI-compatible (the openai SDKs' embeddings.create): model <c>local</c> is the built-in
/// offline embedding; <c>provider/model</c> (or <c>model</c> of the tenant's default provider) is a model of one of the
/// tenant's OpenAI-compatible providers, embedded by llm-integration (which alone holds the provider's key).
/// Answers {object: list, data: [{object: embedding, index, embedding}], model, usage}.
/// </summary>
public static class EmbeddingsApi
{
    public static IEndpointRouteBuilder MapEmbeddingsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/embeddings", EmbedAsync).RequireTenant();
        return app;
    }

    public static async Task<IResult> EmbedAsync(HttpRequest request, HttpContext http, LocalEmbeddingGenerator local,
        ProviderEmbeddings providers, CancellationToken ct)
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
        if (!EmbeddingModelName.IsLocal(parsed.Model)) return await ProviderAsync(parsed, http.TenantId()!, providers, ct);
        var generator = parsed.Dimensions is { } d && d != local.Dimensions ? new LocalEmbeddingGenerator(d) : local;
        var embeddings = await generator.GenerateAsync(parsed.Inputs, cancellationToken: ct);
        var tokens = parsed.Inputs.Sum(TokenCount);
        var data = embeddings.Select((e, i) => new EmbeddingData("embedding", i, Encode(e.Vector.ToArray(), parsed.Base64))).ToList();
        return Answer(data, LocalEmbeddingGenerator.ModelName, tokens);
    }

    private static async Task<IResult> ProviderAsync(EmbeddingsRequest parsed, string tenant, ProviderEmbeddings providers, CancellationToken ct)
    {
        ProviderVectors embedded;
        try
        {
            embedded = await providers.EmbedAsync(tenant, parsed.Model, parsed.Inputs, parsed.Dimensions, ct);
        }
        catch (EmbeddingModelException refused)
        {
            // OpenAI answers an unknown model with 404; a provider's failure keeps its own status.
            var status = refused.Status == StatusCodes.Status422UnprocessableEntity ? StatusCodes.Status404NotFound : refused.Status;
            return OpenAiErrors.Invalid("model", refused.Message, status);
        }
        var data = embedded.Vectors.Select((v, i) => new EmbeddingData("embedding", i, Encode(v, parsed.Base64))).ToList();
        return Answer(data, embedded.Model, embedded.PromptTokens);
    }

    private static object Encode(float[] vector, bool base64) => base64 ? Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())) : vector;

    private static IResult Answer(IReadOnlyList<EmbeddingData> data, string model, int tokens) =>
        Results.Json(new EmbeddingsResponse("list", data, model, new EmbeddingUsage(tokens, tokens)), ServiceKitExtensions.Json);

    /// <summary>Usage counts whitespace-separated words: the local model has no subword tokenizer.</summary>
    private static int TokenCount(string text) => Math.Max(1, text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
}

public sealed record EmbeddingData([property: JsonPropertyName("object")] string Kind, int Index, object Embedding);

public sealed record EmbeddingUsage(int PromptTokens, int TotalTokens);

public sealed record EmbeddingsResponse([property: JsonPropertyName("object")] string Kind, IReadOnlyList<EmbeddingData> Data, string Model,
    EmbeddingUsage Usage);
