using LlmLab.Analytics.Data;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.TenantData;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.TenantData;

/// <summary>The analytics section of a tenant export: the read model's rows (every scored response the views are computed from).</summary>
public static class AnalyticsTenantData
{
    public static IEndpointRouteBuilder MapAnalyticsTenantData(this IEndpointRouteBuilder app)
    {
        app.MapTenantData((HttpContext http, AnalyticsDbContext db) =>
        {
            var tenant = http.TenantId()!;
            return TypedResults.Ok(new
            {
                ScoredResponses = db.ScoredResponses.AsNoTracking().Where(r => r.TenantId == tenant).OrderBy(r => r.CreatedAt).AsAsyncEnumerable(),
            });
        });
        return app;
    }
}
