using LlmLab.Analytics.Annotation;
using LlmLab.Analytics.Data;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// Annotation queues: a manager deals a run's responses to reviewers (POST), everyone lists the queues they manage or
/// review (GET), a reviewer takes their next item (GET …/next) and answers it with POST /api/responses/{id}/feedback
/// (which marks it done) or skips it. A queue of another tenant, or one the caller neither manages nor reviews, is 404.
/// </summary>
public static class AnnotationQueuesApi
{
    public static IEndpointRouteBuilder MapAnnotationQueuesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/annotation-queues").RequireTenant();
        api.MapPost("/", CreateAsync);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapGet("/{id:guid}/next", NextAsync);
        api.MapPost("/{id:guid}/items/{itemId:guid}/skip", SkipAsync);
        api.MapDelete("/{id:guid}", DeleteAsync);
        return app;
    }

    public static async Task<Results<Created<QueueView>, ProblemHttpResult>> CreateAsync(QueueRequest body, HttpContext http, AnalyticsDbContext db,
        RunResponses runs, TimeProvider time, CancellationToken ct)
    {
        if (body.Validate() is { Count: > 0 } errors) return Problems.Invalid(errors);
        var tenant = http.TenantId()!;
        var run = await runs.ReadAsync(tenant, body.RunId!.Value, ct);
        if (run is not { } found) return Problems.Invalid("run_id", $"no batch run or evaluation with id {body.RunId}.", StatusCodes.Status404NotFound);
        if (found.Responses.Count == 0) return Problems.Invalid("run_id", $"run {body.RunId} has no answered responses to review yet.");
        if (found.Responses.Count > QueueRequest.MaxResponses && body.SampleSize is null)
            return Problems.Invalid("sample_size", $"the run has more than {QueueRequest.MaxResponses} responses: give a sample_size.");
        var now = time.GetUtcNow();
        var queue = new AnnotationQueue
        {
            Id = Guid.CreateVersion7(now), TenantId = tenant, Name = string.IsNullOrWhiteSpace(body.Name) ? $"Review of {found.Kind} {body.RunId}" : body.Name.Trim(),
            RunId = body.RunId.Value, RunKind = found.Kind, SampleSize = body.SampleSize, Seed = body.Seed ?? 0,
            ReviewersPerResponse = body.ReviewersPerResponse ?? 1, Reviewers = [.. body.SubjectIds()], CreatedBy = http.Caller()!.SubjectId, CreatedAt = now,
        };
        var chosen = ReviewAssignment.Sample(found.Responses, body.SampleSize, queue.Seed);
        db.AnnotationQueues.Add(queue);
        db.AnnotationAssignments.AddRange(ReviewAssignment.Deal(chosen.Count, queue.Reviewers, queue.ReviewersPerResponse).Select(a => new AnnotationAssignment
        {
            Id = Guid.CreateVersion7(now), QueueId = queue.Id, TenantId = tenant, ResponseId = chosen[a.Position].ResponseId, Position = a.Position,
            Reviewer = a.Reviewer, Prompt = chosen[a.Position].Prompt, ResponseText = chosen[a.Position].ResponseText,
            ReferenceAnswer = chosen[a.Position].ReferenceAnswer,
        }));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/annotation-queues/{queue.Id}", (await QueueReads.ViewsAsync(db, [queue], ct)).Single());
    }

    public static async Task<Results<Ok<PagedList<QueueView>>, ProblemHttpResult>> ListAsync(HttpContext http, AnalyticsDbContext db, CancellationToken ct,
        int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size, 200) is { } bad) return bad;
        var visible = QueueReads.Visible(db, http.Caller()!);
        var total = await visible.CountAsync(ct);
        var queues = await visible.OrderByDescending(q => q.CreatedAt).ThenBy(q => q.Id).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<QueueView>(await QueueReads.ViewsAsync(db, queues, ct), total, page, page_size));
    }

    public static async Task<Results<Ok<QueueView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, AnalyticsDbContext db, CancellationToken ct)
    {
        var queue = await QueueReads.Visible(db, http.Caller()!).FirstOrDefaultAsync(q => q.Id == id, ct);
        return queue is null ? NotFound(id) : TypedResults.Ok((await QueueReads.ViewsAsync(db, [queue], ct)).Single());
    }

    /// <summary>The caller's next open item: not skipped ones first, then skipped ones in the order they were skipped; 204 when all are done.</summary>
    public static async Task<Results<Ok<NextItem>, NoContent, ProblemHttpResult>> NextAsync(Guid id, HttpContext http, AnalyticsDbContext db, CancellationToken ct)
    {
        var caller = http.Caller()!;
        if (!await db.AnnotationQueues.AnyAsync(q => q.Id == id && q.TenantId == caller.TenantId && q.Reviewers.Contains(caller.SubjectId), ct))
            return NotFound(id);
        var mine = db.AnnotationAssignments.AsNoTracking().Where(a => a.QueueId == id && a.Reviewer == caller.SubjectId);
        var assigned = await mine.CountAsync(ct);
        var open = mine.Where(a => a.DoneAt == null);
        var remaining = await open.CountAsync(ct);
        var next = await open.OrderBy(a => a.SkippedAt != null).ThenBy(a => a.SkippedAt).ThenBy(a => a.Position).FirstOrDefaultAsync(ct);
        if (next is null) return TypedResults.NoContent();
        return TypedResults.Ok(new NextItem(next.Id, id, next.ResponseId, next.Position, next.Prompt, next.ResponseText, next.ReferenceAnswer,
            next.SkippedAt is not null, remaining, assigned));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SkipAsync(Guid id, Guid itemId, HttpContext http, AnalyticsDbContext db, TimeProvider time,
        CancellationToken ct)
    {
        var caller = http.Caller()!;
        var item = await db.AnnotationAssignments.FirstOrDefaultAsync(a => a.Id == itemId && a.QueueId == id && a.TenantId == caller.TenantId
            && a.Reviewer == caller.SubjectId, ct);
        if (item is null) return Problems.Invalid("item_id", $"no item {itemId} of yours in queue {id}.", StatusCodes.Status404NotFound);
        if (item.DoneAt is not null) return Problems.Conflict($"Item {itemId} is done; feedback given can be replaced, not skipped.");
        item.SkippedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Removes the queue and its assignments; the feedback people gave stays (it belongs to the responses).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, AnalyticsDbContext db, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var deleted = await db.InTransactionAsync(async t =>
        {
            await db.AnnotationAssignments.Where(a => a.QueueId == id && a.TenantId == tenant).ExecuteDeleteAsync(t);
            return await db.AnnotationQueues.Where(q => q.Id == id && q.TenantId == tenant).ExecuteDeleteAsync(t);
        }, ct);
        return deleted == 0 ? NotFound(id) : TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        Problems.Invalid("id", $"no annotation queue {id} that you manage or review.", StatusCodes.Status404NotFound);
}
