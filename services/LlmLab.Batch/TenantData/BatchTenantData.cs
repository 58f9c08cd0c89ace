using LlmLab.Batch.Data;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.TenantData;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.TenantData;

/// <summary>The batch section of a tenant export: every run, every work item (failures included) and every response with its metrics.</summary>
public static class BatchTenantData
{
    public static IEndpointRouteBuilder MapBatchTenantData(this IEndpointRouteBuilder app)
    {
        app.MapTenantData((HttpContext http, BatchDbContext db) =>
        {
            var tenant = http.TenantId()!;
            return TypedResults.Ok(new
            {
                Runs = db.Runs.AsNoTracking().Where(r => r.TenantId == tenant).OrderBy(r => r.CreatedAt).AsAsyncEnumerable(),
                WorkItems = db.WorkItems.AsNoTracking().Where(w => w.TenantId == tenant).OrderBy(w => w.RunId).ThenBy(w => w.CombinationIndex)
                    .ThenBy(w => w.Repetition).AsAsyncEnumerable(),
                Responses = db.Responses.AsNoTracking().Include(r => r.Metrics).Where(r => r.TenantId == tenant)
                    .OrderBy(r => r.CreatedAt).AsAsyncEnumerable(),
                ParameterSearches = db.Searches.AsNoTracking().Where(s => s.TenantId == tenant).OrderBy(s => s.CreatedAt).AsAsyncEnumerable(),
            });
        });
        return app;
    }
}
