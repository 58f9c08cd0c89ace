using LlmLab.Batch.Data;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>
/// GET /internal/visible-runs: the ids of the runs the caller may see — for role user only the runs it owns. Analytics
/// asks it (as the caller) to narrow its views; the gateway has no route to it.
/// </summary>
public static class VisibleRunsApi
{
    public const string Path = "/internal/visible-runs";

    public static IEndpointRouteBuilder MapVisibleRunsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (HttpContext http, BatchDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Runs.AsNoTracking().Where(r => r.TenantId == http.TenantId()).Select(r => r.Id).ToListAsync(ct)))
            .RequireTenant();
        return app;
    }
}
