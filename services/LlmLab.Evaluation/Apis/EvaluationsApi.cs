using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Domain;
using LlmLab.Evaluation.Queries;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Evaluation.Apis;

/// <summary>API.md "Evaluations": start, read with per-method summaries, items, pairwise comparison, status, SSE progress, pause, resume, cancel.</summary>
public static class EvaluationsApi
{
    public static IEndpointRouteBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/evaluations").RequireTenant();
        api.MapPost("/", CreateAsync);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapGet("/{id:guid}/status", StatusAsync);
        api.MapGet("/{id:guid}/progress", EvaluationProgress.StreamAsync);
        api.MapGet("/{id:guid}/items", ItemsAsync);
        api.MapGet("/{id:guid}/comparison", ComparisonAsync);
        api.MapGet("/{id:guid}/latency", EvaluationLatencyApi.LatencyAsync);
        api.MapPost("/{id:guid}/pause", EvaluationControl.PauseAsync);
        api.MapPost("/{id:guid}/resume", EvaluationControl.ResumeAsync);
        api.MapPost("/{id:guid}/cancel", CancelAsync);
        api.MapDelete("/{id:guid}", DeleteAsync);
        return app;
    }

    public static Task<Domain.Evaluation?> FindEvaluationAsync(this EvaluationDbContext db, Guid id, string tenantId, CancellationToken ct) =>
        db.Evaluations.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.TenantId == tenantId, ct);

    public static async Task<Results<Created<EvaluationView>, ProblemHttpResult>> CreateAsync(
        CreateEvaluationRequest request, HttpContext http, EvaluationLauncher launcher, CancellationToken ct)
    {
        var (evaluation, problem) = await launcher.LaunchAsync(request, http.TenantId()!, ct);
        return problem ?? (Results<Created<EvaluationView>, ProblemHttpResult>)TypedResults.Created($"/api/evaluations/{evaluation!.Id}", EvaluationView.Of(evaluation, null));
    }

    public static async Task<Results<Ok<PagedList<EvaluationView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, EvaluationDbContext db, CancellationToken ct, int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } bad) return bad;
        var query = db.Evaluations.AsNoTracking().Where(e => e.TenantId == http.TenantId());
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(e => e.CreatedAt).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<EvaluationView>(rows.Select(e => EvaluationView.Of(e, null)).ToList(), total, page, page_size));
    }

    public static async Task<Results<Ok<EvaluationView>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, EvaluationDbContext db, EvaluationQueries queries, CancellationToken ct)
    {
        var evaluation = await db.FindEvaluationAsync(id, http.TenantId()!, ct);
        if (evaluation is null) return Problems.NotFound("Evaluation", id);
        var items = await queries.ScoredAsync(id, ct);
        return TypedResults.Ok(EvaluationView.Of(evaluation, EvaluationQueries.Summaries(evaluation, items)));
    }

    public static async Task<Results<Ok<EvaluationStatusView>, ProblemHttpResult>> StatusAsync(Guid id, HttpContext http, EvaluationDbContext db, CancellationToken ct) =>
        await db.FindEvaluationAsync(id, http.TenantId()!, ct) is { } e ? TypedResults.Ok(EvaluationStatusView.Of(e)) : Problems.NotFound("Evaluation", id);

    public static async Task<Results<Ok<PagedList<EvaluationItemView>>, ProblemHttpResult>> ItemsAsync(
        Guid id, HttpContext http, EvaluationDbContext db, CancellationToken ct, string? method = null, string? status = null, int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } bad) return bad;
        ItemStatus? wanted = null;
        if (status is not null)
        {
            if (!EnumNames.TryParse<ItemStatus>(status, out var parsed)) return Problems.Invalid("status", EnumNames.Expected<ItemStatus>(), StatusCodes.Status400BadRequest);
            wanted = parsed;
        }
        var evaluation = await db.FindEvaluationAsync(id, http.TenantId()!, ct);
        if (evaluation is null) return Problems.NotFound("Evaluation", id);
        if (method is not null && evaluation.Methods.All(m => m.Label != method))
            return Problems.Invalid("method", $"must be one of {string.Join(", ", evaluation.Methods.Select(m => m.Label))}.", StatusCodes.Status400BadRequest);
        var query = from w in db.EvaluationItems.AsNoTracking()
                    join d in db.DatasetItems.AsNoTracking() on w.DatasetItemId equals d.Id
                    where w.EvaluationId == id && (method == null || w.MethodLabel == method) && (wanted == null || w.Status == wanted)
                    select new { w, d.Question, d.Answers, d.Position };
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.Position).ThenBy(r => r.w.MethodLabel).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<EvaluationItemView>(rows.Select(r => EvaluationItemView.Of(r.w, r.Question, r.Answers)).ToList(),
            total, page, page_size));
    }

    public static async Task<Results<Ok<ComparisonView>, ProblemHttpResult>> ComparisonAsync(
        Guid id, HttpContext http, EvaluationDbContext db, EvaluationQueries queries, CancellationToken ct)
    {
        var evaluation = await db.FindEvaluationAsync(id, http.TenantId()!, ct);
        if (evaluation is null) return Problems.NotFound("Evaluation", id);
        if (evaluation.Methods.Count < 2) return Problems.Invalid("methods", "the evaluation has one method; a comparison needs two or more.");
        var items = await queries.ScoredAsync(id, ct);
        return TypedResults.Ok(new ComparisonView(id, "exact_match", EvaluationQueries.Compare(evaluation, items)));
    }

    /// <summary>
    /// Cancels a running or paused evaluation: pending and paused items become cancelled at once; answers still in flight
    /// are dropped when they arrive.
    /// </summary>
    public static async Task<Results<Accepted<EvaluationStatusView>, ProblemHttpResult>> CancelAsync(
        Guid id, HttpContext http, EvaluationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var evaluation = await db.FindEvaluationAsync(id, http.TenantId()!, ct);
        if (evaluation is null) return Problems.NotFound("Evaluation", id);
        if (evaluation.Status.IsFinal()) return Problems.Conflict($"Evaluation {id} is {EnumNames.Name(evaluation.Status)}; only a running or paused one can be cancelled.");
        await db.InTransactionAsync(async token =>
        {
            var now = time.GetUtcNow();
            await db.Evaluations.Where(e => e.Id == id && (e.Status == EvaluationStatus.Running || e.Status == EvaluationStatus.Paused))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EvaluationStatus.Cancelled).SetProperty(e => e.FinishedAt, now), token);
            await db.EvaluationItems.Where(i => i.EvaluationId == id && (i.Status == ItemStatus.Pending || i.Status == ItemStatus.Paused))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ItemStatus.Cancelled).SetProperty(i => i.FinishedAt, now), token);
            return true;
        }, ct);
        return TypedResults.Accepted($"/api/evaluations/{id}/status", EvaluationStatusView.Of((await db.FindEvaluationAsync(id, http.TenantId()!, ct))!));
    }

    /// <summary>DELETE: cancels a running evaluation (202), deletes a finished one with its items (204).</summary>
    public static async Task<IResult> DeleteAsync(Guid id, HttpContext http, EvaluationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var evaluation = await db.FindEvaluationAsync(id, http.TenantId()!, ct);
        if (evaluation is null) return Problems.NotFound("Evaluation", id);
        if (!evaluation.Status.IsFinal()) return await CancelAsync(id, http, db, time, ct);
        await db.Evaluations.Where(e => e.Id == id && e.TenantId == evaluation.TenantId).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }
}
