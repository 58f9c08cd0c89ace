using LlmLab.Evaluation.Data;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.TenantData;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Evaluation.TenantData;

/// <summary>
/// The evaluation section of a tenant export: the tenant's datasets (with their versions) and every item of them, its
/// evaluations and every result (answer, scores, trace). Builtin datasets belong to no tenant and are not in it.
/// </summary>
public static class EvaluationTenantData
{
    public static IEndpointRouteBuilder MapEvaluationTenantData(this IEndpointRouteBuilder app)
    {
        app.MapTenantData((HttpContext http, EvaluationDbContext db) =>
        {
            var tenant = http.TenantId()!;
            return TypedResults.Ok(new
            {
                Datasets = db.Datasets.AsNoTracking().Include(d => d.Versions).Where(d => d.TenantId == tenant && !d.Builtin)
                    .OrderBy(d => d.CreatedAt).AsAsyncEnumerable(),
                DatasetItems = db.DatasetItems.AsNoTracking().Where(i => db.Datasets.Any(d => d.Id == i.DatasetId && d.TenantId == tenant && !d.Builtin))
                    .OrderBy(i => i.DatasetId).ThenBy(i => i.Version).ThenBy(i => i.Position).AsAsyncEnumerable(),
                Evaluations = db.Evaluations.AsNoTracking().Where(e => e.TenantId == tenant).OrderBy(e => e.CreatedAt).AsAsyncEnumerable(),
                EvaluationItems = db.EvaluationItems.AsNoTracking().Where(i => i.TenantId == tenant).OrderBy(i => i.EvaluationId).ThenBy(i => i.Id)
                    .AsAsyncEnumerable(),
            });
        });
        return app;
    }
}
