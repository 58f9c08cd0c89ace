using LlmLab.Batch.Analysis;
using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>
/// GET /api/experiments/batch/compare?run_ids=a,b[,…]: the outputs of 2–6 runs side by side, item by item (paired by
/// combination and repetition), one page at a time, optionally only the items whose text changed from the first run.
/// </summary>
public static class RunCompareApi
{
    private const int MaxRuns = 6;
    /// <summary>Every response of every run is read to pair and filter them; beyond this a comparison is refused, not slowed.</summary>
    private const int MaxResponsesPerRun = 5_000;

    public static IEndpointRouteBuilder MapRunCompareApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/experiments/batch").RequireTenant().MapGet("/compare", CompareAsync);
        return app;
    }

    public static async Task<Results<Ok<RunSideBySide>, ProblemHttpResult>> CompareAsync(
        HttpContext http, RunStatusReader reader, BatchDbContext db, CancellationToken ct,
        string? run_ids = null, bool changed_only = false, int page = 1, int page_size = 20)
    {
        if (Paging.Invalid(page, page_size, 100) is { } badPage) return badPage;
        var parts = (run_ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var runs = new List<Guid>();
        foreach (var part in parts)
        {
            if (!Guid.TryParse(part, out var run) || run == Guid.Empty) return Problems.Invalid("run_ids", $"'{Shorten(part)}' is not a run id.");
            if (runs.Contains(run)) return Problems.Invalid("run_ids", $"run {run} is listed twice.");
            runs.Add(run);
        }
        if (runs.Count is < 2 or > MaxRuns) return Problems.Invalid("run_ids", $"must list 2 to {MaxRuns} run ids separated by commas.");

        var names = new List<ComparedRun>();
        foreach (var id in runs)
        {
            var run = await reader.FindRunAsync(id, http.TenantId()!, ct);
            if (run is null) return Problems.Invalid("run_ids", $"no run {id}.", StatusCodes.Status404NotFound);
            names.Add(new ComparedRun(run.Id, run.Name, run.Status));
        }
        var tenant = http.TenantId();
        var counts = await db.Responses.Where(r => r.TenantId == tenant && runs.Contains(r.RunId)).GroupBy(r => r.RunId)
            .Select(g => new { Run = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (counts.FirstOrDefault(c => c.Count > MaxResponsesPerRun) is { } large)
            return Problems.Invalid("run_ids", $"run {large.Run} has {large.Count} responses; side by side compares runs of at most {MaxResponsesPerRun}.");

        var rows = await db.Responses.AsNoTracking().Where(r => r.TenantId == tenant && runs.Contains(r.RunId))
            .Join(db.WorkItems, r => r.WorkItemId, w => w.Id, (r, w) => new ComparedResponse(r.RunId, w.CombinationIndex, w.Repetition, r.Id, r.Content,
                r.Temperature, r.TopP, r.MaxTokens, r.FrequencyPenalty, r.PresencePenalty, r.Metrics == null ? null : r.Metrics.OverallScore))
            .ToListAsync(ct);
        var items = RunComparison.Pair(runs, rows);
        var shown = changed_only ? items.Where(i => i.Changed).ToList() : items;
        return TypedResults.Ok(new RunSideBySide(names, items.Count, items.Count(i => i.Changed),
            new PagedList<ComparedItem>(shown.Skip((page - 1) * page_size).Take(page_size).ToList(), shown.Count, page, page_size)));
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

public sealed record ComparedRun(Guid Id, string Name, RunStatus Status);

/// <summary>The runs in the order asked (the first is the baseline), how many items they have and how many changed, and one page of items.</summary>
public sealed record RunSideBySide(IReadOnlyList<ComparedRun> Runs, int Items, int ChangedItems, PagedList<ComparedItem> Page);
