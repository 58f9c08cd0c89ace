using LlmLab.Batch.Data;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>
/// GET /internal/runs/{id}/review-items: every stored response of a run with the prompt it answered, in grid order.
/// Analytics reads it (as the tenant) when a manager makes an annotation queue over the run; the gateway has no route to it.
/// </summary>
public static class ReviewItemsApi
{
    public sealed record ReviewItem(Guid ResponseId, string Prompt, string Response);

    public static IEndpointRouteBuilder MapReviewItemsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/internal/runs/{id:guid}/review-items", ListAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<List<ReviewItem>>, ProblemHttpResult>> ListAsync(Guid id, HttpContext http, BatchDbContext db, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var run = await db.Runs.AsNoTracking().Where(r => r.Id == id && r.TenantId == tenant).Select(r => new { r.Prompt }).FirstOrDefaultAsync(ct);
        if (run is null) return Problems.NotFound("Batch run", id);
        var rows = await (from r in db.Responses.AsNoTracking()
                          join w in db.WorkItems.AsNoTracking() on r.WorkItemId equals w.Id
                          where r.RunId == id && r.TenantId == tenant && r.ErrorMessage == null
                          orderby w.CombinationIndex, w.Repetition
                          select new ReviewItem(r.Id, w.Prompt ?? run.Prompt, r.Content)).ToListAsync(ct);
        return TypedResults.Ok(rows);
    }
}
