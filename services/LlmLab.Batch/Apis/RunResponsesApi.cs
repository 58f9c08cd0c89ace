using LlmLab.Batch.Analysis;
using LlmLab.Batch.Data;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>
/// A run's responses for the analysis page without downloading them all: one sorted, filtered page at a time, and the
/// heatmap's per-cell aggregates computed here (a 2,000-call run's export was ~2.3 MB; a page or a heatmap is a few kB).
/// </summary>
public static class RunResponsesApi
{
    private const int MaxQuery = 200;

    public static IEndpointRouteBuilder MapRunResponsesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments/batch").RequireTenant();
        api.MapGet("/{id:guid}/responses", PageAsync);
        api.MapGet("/{id:guid}/heatmap", HeatmapAsync);
        return app;
    }

    /// <summary>
    /// One page of the run's responses with their metrics, narrowed to exact parameter values and to text in the content
    /// (q, case-insensitive), sorted by a parameter, a score, latency or tokens (order asc|desc; a missing score sorts last).
    /// </summary>
    public static async Task<Results<Ok<PagedList<ResponseView>>, ProblemHttpResult>> PageAsync(
        Guid id, HttpContext http, RunStatusReader reader, BatchDbContext db, CancellationToken ct,
        double? temperature = null, double? top_p = null, int? max_tokens = null, double? frequency_penalty = null, double? presence_penalty = null,
        string? q = null, string? sort = null, string order = "asc", int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size, 200) is { } badPage) return badPage;
        var filter = new ParameterFilter(temperature, top_p, max_tokens, frequency_penalty, presence_penalty);
        if (filter.Problem() is { } badValue) return badValue;
        if (sort is not null && !ResponseOrdering.Knows(sort)) return Problems.Invalid("sort", $"must be one of {string.Join(", ", ResponseOrdering.Names)}.");
        if (order is not ("asc" or "desc")) return Problems.Invalid("order", "must be asc or desc.");
        if (q is not null && (q.Length > MaxQuery || q.Contains('\0'))) return Problems.Invalid("q", $"must be at most {MaxQuery} characters without NUL.");
        if (await reader.FindRunAsync(id, http.TenantId()!, ct) is null) return Problems.NotFound("Batch run", id);

        var query = filter.Apply(db.Responses.AsNoTracking().Include(r => r.Metrics).Where(r => r.RunId == id && r.TenantId == http.TenantId()));
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(r => EF.Functions.ILike(r.Content, "%" + EscapeLike(q.Trim()) + "%", "\\"));
        var total = await query.CountAsync(ct);
        var rows = await ResponseOrdering.Apply(query, sort, order == "desc").Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<ResponseView>(rows.Select(r => r.ToView()).ToList(), total, page, page_size));
    }

    /// <summary>
    /// The mean of a metric per (x, y) pair of parameter values over the run's scored responses (narrowed by any fixed
    /// parameter values given), with the run's grid and its best configuration (web/DESIGN.md's one definition).
    /// </summary>
    public static async Task<Results<Ok<RunHeatmap>, ProblemHttpResult>> HeatmapAsync(
        Guid id, HttpContext http, RunStatusReader reader, BatchDbContext db, CancellationToken ct,
        string x = "temperature", string y = "top_p", string metric = "overall_score",
        double? temperature = null, double? top_p = null, int? max_tokens = null, double? frequency_penalty = null, double? presence_penalty = null)
    {
        var axes = string.Join(", ", GridCells.Parameters);
        if (!GridCells.Parameters.Contains(x)) return Problems.Invalid("x", $"must be one of {axes}.");
        if (!GridCells.Parameters.Contains(y)) return Problems.Invalid("y", $"must be one of {axes}.");
        if (x == y) return Problems.Invalid("y", "must differ from x.");
        if (!RunAnalysisApi.Metrics.Contains(metric)) return Problems.Invalid("metric", $"must be one of {string.Join(", ", RunAnalysisApi.Metrics)}.");
        var filter = new ParameterFilter(temperature, top_p, max_tokens, frequency_penalty, presence_penalty);
        if (filter.Problem() is { } badValue) return badValue;
        if (await reader.FindRunAsync(id, http.TenantId()!, ct) is null) return Problems.NotFound("Batch run", id);

        var rows = await db.Responses.AsNoTracking().Where(r => r.RunId == id && r.TenantId == http.TenantId() && r.Metrics != null)
            .Select(r => new { r.Temperature, r.TopP, r.MaxTokens, r.FrequencyPenalty, r.PresencePenalty, r.ResponseTimeMs, r.Metrics!.All })
            .ToListAsync(ct);
        var points = rows.Where(r => r.All.TryGetValue(metric, out var v) && double.IsFinite(v))
            .Select(r => new ScoredPoint(new Dictionary<string, double>
            {
                ["temperature"] = r.Temperature, ["top_p"] = r.TopP, ["max_tokens"] = r.MaxTokens,
                ["frequency_penalty"] = r.FrequencyPenalty, ["presence_penalty"] = r.PresencePenalty,
            }, r.All[metric], r.ResponseTimeMs)).ToList();
        var fixedValues = filter.Fixed();
        var cells = GridCells.Heatmap(points, x, y, fixedValues);
        return TypedResults.Ok(new RunHeatmap(id, x, y, metric, fixedValues, cells.Sum(c => c.Count), points.Count, GridCells.Grid(points), cells, GridCells.Best(points)));
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

/// <summary>A run's heatmap: cells over the responses at the fixed values; grid and best over all its scored responses.</summary>
public sealed record RunHeatmap(Guid RunId, string X, string Y, string Metric, IReadOnlyDictionary<string, double> Fixed, int SampleSize, int ScoredResponses,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Grid, IReadOnlyList<HeatmapCell> Cells, BestConfiguration? Best);
