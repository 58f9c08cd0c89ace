using LlmLab.Batch.Analysis;
using LlmLab.Batch.Data;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>
/// GET /api/experiments/batch/{id}/matrix?columns=model: the run as a matrix (rows: prompts and parameter sets; columns: the
/// values of one dimension), each cell with the start of its first response, the response count and every metric's mean;
/// the rows are paged. The web page marks each cell against the experiment's gate.
/// </summary>
public static class RunMatrixApi
{
    public const int ExcerptLength = 240;

    public static IEndpointRouteBuilder MapRunMatrixApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/experiments/batch").RequireTenant().MapGet("/{id:guid}/matrix", MatrixAsync);
        return app;
    }

    public static async Task<Results<Ok<RunMatrixView>, ProblemHttpResult>> MatrixAsync(
        Guid id, HttpContext http, RunStatusReader reader, BatchDbContext db, CancellationToken ct, string? columns = null, int page = 1, int page_size = 20)
    {
        if (Paging.Invalid(page, page_size, 100) is { } badPage) return badPage;
        if (columns is not null && !RunMatrix.Dimensions.Contains(columns)) return Problems.Invalid("columns", $"must be one of {string.Join(", ", RunMatrix.Dimensions)}.");
        var run = await reader.FindRunAsync(id, http.TenantId()!, ct);
        if (run is null) return Problems.NotFound("Batch run", id);

        var rows = await db.Responses.AsNoTracking().Where(r => r.RunId == id && r.TenantId == http.TenantId() && r.ErrorMessage == null)
            .Join(db.WorkItems, r => r.WorkItemId, w => w.Id, (r, w) => new
            {
                r.Id, w.Repetition, w.CombinationIndex, w.Prompt, r.Model, r.Temperature, r.TopP, r.MaxTokens, r.FrequencyPenalty, r.PresencePenalty,
                Excerpt = r.Content.Substring(0, ExcerptLength), r.ResponseTimeMs, Metrics = r.Metrics == null ? null : r.Metrics.All,
            })
            .ToListAsync(ct);
        var responses = rows.Select(r => new MatrixResponse(r.Id, r.Repetition, r.CombinationIndex, new Dictionary<string, string>
        {
            ["prompt"] = r.Prompt ?? run.Prompt, ["model"] = r.Model, ["temperature"] = RunMatrix.Value(r.Temperature), ["top_p"] = RunMatrix.Value(r.TopP),
            ["max_tokens"] = RunMatrix.Value(r.MaxTokens), ["frequency_penalty"] = RunMatrix.Value(r.FrequencyPenalty),
            ["presence_penalty"] = RunMatrix.Value(r.PresencePenalty),
        }, r.Excerpt, r.Metrics ?? new Dictionary<string, double>(), r.ResponseTimeMs)).ToList();

        var values = RunMatrix.ValuesOf(responses);
        var chosen = columns ?? RunMatrix.DefaultColumns(values);
        var (rowDimensions, columnValues, matrix) = RunMatrix.Build(responses, chosen);
        return TypedResults.Ok(new RunMatrixView(id, chosen, columnValues, rowDimensions, values.ToDictionary(v => v.Key, v => v.Value.Count), responses.Count,
            new PagedList<MatrixRow>(matrix.Skip((page - 1) * page_size).Take(page_size).ToList(), matrix.Count, page, page_size)));
    }
}

/// <summary>Dimensions: how many distinct values each grid dimension has in the run's responses (those with more than one can be the columns).</summary>
public sealed record RunMatrixView(Guid RunId, string Columns, IReadOnlyList<string> ColumnValues, IReadOnlyList<string> RowDimensions,
    IReadOnlyDictionary<string, int> Dimensions, int Responses, PagedList<MatrixRow> Rows);
