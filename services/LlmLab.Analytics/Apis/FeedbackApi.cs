using LlmLab.Analytics.Annotation;
using LlmLab.Analytics.Data;
using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Feedback;
using LlmLab.Analytics.Queries;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// People's feedback: POST/GET /api/responses/{id}/feedback, and GET /api/feedback/agreement (per automatic metric,
/// Spearman's ρ with people's scores, its 95 % CI and n; filters run_id, experiment_id). A response is one analytics
/// scored (a batch response) or one an annotation queue deals (an evaluation's answers are not scored here).
/// </summary>
public static class FeedbackApi
{
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/responses/{id:guid}/feedback", GiveAsync).RequireTenant();
        app.MapGet("/api/responses/{id:guid}/feedback", ListAsync).RequireTenant();
        app.MapGet("/api/feedback/agreement", AgreementAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Created<FeedbackView>, Ok<FeedbackView>, ProblemHttpResult>> GiveAsync(Guid id, FeedbackRequest body, HttpContext http,
        AnalyticsDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (body.Validate() is { Count: > 0 } errors) return Problems.Invalid(errors);
        var tenant = http.TenantId()!;
        if (!await db.KnowsResponseAsync(tenant, id, ct))
            return Problems.Invalid("id", $"no scored response with id {id}.", StatusCodes.Status404NotFound);
        var reviewer = http.Caller()!.SubjectId;
        var now = time.GetUtcNow();
        var (feedback, created) = await db.InTransactionAsync(async t =>
        {
            var existing = await db.Feedback.SingleOrDefaultAsync(f => f.TenantId == tenant && f.ResponseId == id && f.Reviewer == reviewer, t);
            var row = existing ?? new ResponseFeedback { Id = Guid.CreateVersion7(now), TenantId = tenant, ResponseId = id, Reviewer = reviewer, CreatedAt = now };
            row.Score = body.EffectiveScore;
            row.Thumbs = body.Thumbs;
            row.Label = body.Label;
            row.Comment = body.Comment;
            row.CorrectedAnswer = body.CorrectedAnswer;
            row.UpdatedAt = now;
            if (existing is null) db.Feedback.Add(row);
            await db.SaveChangesAsync(t);
            // The reviewer's items of this response in annotation queues are done.
            await db.AnnotationAssignments.Where(a => a.TenantId == tenant && a.ResponseId == id && a.Reviewer == reviewer && a.DoneAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.DoneAt, now), t);
            return (row, existing is null);
        }, ct);
        var view = FeedbackView.Of(feedback);
        return created ? TypedResults.Created($"/api/responses/{id}/feedback", view) : TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<List<FeedbackView>>, ProblemHttpResult>> ListAsync(Guid id, HttpContext http, AnalyticsDbContext db, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        if (!await db.KnowsResponseAsync(tenant, id, ct))
            return Problems.Invalid("id", $"no scored response with id {id}.", StatusCodes.Status404NotFound);
        var rows = await db.Feedback.AsNoTracking().Where(f => f.TenantId == tenant && f.ResponseId == id).OrderBy(f => f.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(FeedbackView.Of).ToList());
    }

    public static async Task<Results<Ok<AgreementReport>, ProblemHttpResult>> AgreementAsync(HttpContext http, AnalyticsSql sql, KnownIds ids,
        CancellationToken ct, Guid? run_id = null, Guid? experiment_id = null)
    {
        var tenant = http.TenantId()!;
        if (await ids.UnknownAsync(tenant, "run_id", run_id, experiment_id, ct) is { } unknown) return unknown;
        var rows = await ScoredFeedback.ReadAsync(sql, tenant, run_id, experiment_id, ct);
        var names = rows.SelectMany(r => r.Metrics.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(m => ScoreColumns.All.Contains(m) ? ScoreColumns.All.ToList().IndexOf(m) : int.MaxValue).ThenBy(m => m, StringComparer.Ordinal);
        var agreements = names.Select(metric =>
        {
            var pairs = rows.Where(r => r.Metrics.ContainsKey(metric)).Select(r => (Metric: r.Metrics[metric], r.People)).ToList();
            return MetricAgreement.Of(metric, pairs.Select(p => p.Metric).ToList(), pairs.Select(p => p.People).ToList());
        }).ToList();
        return TypedResults.Ok(new AgreementReport(rows.Count, agreements));
    }
}

/// <summary>The agreement of every automatic metric with people's scores, over the responses people scored.</summary>
public sealed record AgreementReport(int ResponsesWithFeedback, IReadOnlyList<Agreement> Metrics);
