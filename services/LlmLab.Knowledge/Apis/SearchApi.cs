using LlmLab.Knowledge.Retrieval;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Knowledge.Apis;

/// <summary>POST /api/knowledge/search: BM25, dense or hybrid retrieval over the caller's documents.</summary>
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
        if (SearchRules.Problem(request.Query, request.Collection, request.Mode, topK) is { } problem)
        {
            return Problems.Invalid(problem.Field, problem.Message);
        }
        var query = new SearchQuery(request.Query!, SearchRules.Collection(request.Collection), SearchRules.ParseMode(request.Mode)!.Value,
            request.Rerank ?? false, topK);
        var results = await retriever.SearchAsync(http.TenantId()!, query, ct);
        return TypedResults.Ok(new SearchResponse(results.Select(r =>
            new SearchResult(r.ChunkId, r.DocumentId, r.DocumentTitle, r.Page, r.Text, r.Score)).ToList()));
    }
}

public sealed record SearchRequest(string? Query, string? Collection, string? Mode, bool? Rerank, int? TopK);

public sealed record SearchResult(Guid ChunkId, Guid DocumentId, string DocumentTitle, int Page, string Text, double Score);

public sealed record SearchResponse(IReadOnlyList<SearchResult> Results);
