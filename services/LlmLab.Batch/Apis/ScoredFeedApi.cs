using LlmLab.Batch.Data;
using LlmLab.Batch.Workers;
using LlmLab.Contracts.Messages;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>
/// GET /api/responses/scored: every scored response of the tenant as the ResponseScored event it published, in id
/// order with keyset paging (<c>after</c> = the last id seen). The analytics service rebuilds its read model from it.
/// </summary>
public static class ScoredFeedApi
{
    public const int MaxPageSize = 5000;

    public static IEndpointRouteBuilder MapScoredFeedApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/responses/scored", PageAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<ScoredPage>, ProblemHttpResult>> PageAsync(HttpContext http, BatchDbContext db, CancellationToken ct, Guid? after = null, int limit = 1000)
    {
        if (limit is < 1 or > MaxPageSize) return Problems.Invalid("limit", $"must be between 1 and {MaxPageSize}.", StatusCodes.Status400BadRequest);
        var tenantId = http.TenantId()!;
        var query = db.Responses.AsNoTracking().Include(r => r.Metrics).Where(r => r.TenantId == tenantId && r.Metrics != null);
        if (after is { } last) query = query.Where(r => r.Id.CompareTo(last) > 0);
        var page = await query.OrderBy(r => r.Id).Take(limit)
            .Join(db.WorkItems.AsNoTracking(), r => r.WorkItemId, w => w.Id, (r, w) => new { Response = r, Item = w })
            .ToListAsync(ct);
        var items = page.Select(p => ScoredEvents.From(p.Item, p.Response)).ToList();
        return TypedResults.Ok(new ScoredPage(items, items.Count == limit ? items[^1].ResponseId : null));
    }
}

public sealed record ScoredPage(IReadOnlyList<ResponseScored> Items, Guid? NextAfter);
