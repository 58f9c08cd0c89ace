using LlmLab.Experiments.Data;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.TenantData;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Experiments.TenantData;

/// <summary>The experiments section of a tenant export: every experiment the tenant owns, deleted ones included.</summary>
public static class ExperimentsTenantData
{
    public static IEndpointRouteBuilder MapExperimentsTenantData(this IEndpointRouteBuilder app)
    {
        app.MapTenantData((HttpContext http, ExperimentsDbContext db) =>
        {
            var tenant = http.TenantId()!;
            return TypedResults.Ok(new
            {
                Experiments = db.Experiments.IgnoreQueryFilters().AsNoTracking()
                    .Where(e => e.TenantId == tenant).OrderBy(e => e.CreatedAt).AsAsyncEnumerable(),
            });
        });
        return app;
    }
}
