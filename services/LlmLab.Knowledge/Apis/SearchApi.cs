using LlmLab.Knowledge.Retrieval;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Knowledge.Apis;

/// <summary>
/// POST /api/knowledge/search: BM25, dense or hybrid retrieval over the caller's documents; embedding_model names a
/// provider model for the dense part (the documents must have been uploaded with it).
/// </summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/knowledge/search", SearchAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> SearchAsync(SearchRequest request, HttpContext http,
        Retriever retriever, CancellationToken ct)
    {
        var topK = request.TopK ?? 10;
        // Omitted, the mode is hybrid; an explicit blank is a mistake, not a choice (gRPC's unset string is "", so only here).
        if (request.Mode is { } mode && string.IsNullOrWhiteSpace(mode)) return Problems.Invalid("mode", "must be bm25, dense or hybrid (or omitted: hybrid).");
        if (SearchRules.Problem(request.Query, request.Collection, request.Mode, topK, request.EmbeddingModel) is { } problem)
        {
            return Problems.Invalid(problem.Field, problem.Message);
        }
        var query = new SearchQuery(request.Query!, SearchRules.Collection(request.Collection), SearchRules.ParseMode(request.Mode)!.Value,
            request.Rerank ?? false, topK, SearchRules.EmbeddingModel(request.EmbeddingModel));
        IReadOnlyList<RetrievedChunk> results;
        try
        {
            results = await retriever.SearchAsync(http.TenantId()!, query, ct);
        }
        catch (EmbeddingModelException refused)
        {
            return Problems.Invalid("embedding_model", refused.Message, refused.Status);
        }
        return TypedResults.Ok(new SearchResponse(results.Select(r =>
            new SearchResult(r.ChunkId, r.DocumentId, r.DocumentTitle, r.Page, r.Text, r.Score)).ToList()));
    }
}

public sealed record SearchRequest(string? Query, string? Collection, string? Mode, bool? Rerank, int? TopK, string? EmbeddingModel);

public sealed record SearchResult(Guid ChunkId, Guid DocumentId, string DocumentTitle, int Page, string Text, double Score);

public sealed record SearchResponse(IReadOnlyList<SearchResult> Results);
