using LlmLab.ServiceKit;
using LlmLab.ServiceKit.TenantData;
using LlmLab.Training.Data;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Training.TenantData;

/// <summary>
/// The training section of a tenant export: every job (settings, corpus, outcome, samples), its training and held-out
/// losses, the checkpoints of jobs still running, every trained model (shape, vocabulary, weights as base64) and the
/// tenant's test submissions.
/// </summary>
public static class TrainingTenantData
{
    public static IEndpointRouteBuilder MapTrainingTenantData(this IEndpointRouteBuilder app)
    {
        app.MapTenantData((HttpContext http, TrainingDbContext db) =>
        {
            var tenant = http.TenantId()!;
            var jobs = db.Jobs.Where(j => j.TenantId == tenant);
            return TypedResults.Ok(new
            {
                Jobs = jobs.AsNoTracking().OrderBy(j => j.CreatedAt).AsAsyncEnumerable(),
                Steps = db.Steps.AsNoTracking().Where(s => jobs.Any(j => j.Id == s.JobId)).OrderBy(s => s.JobId).ThenBy(s => s.Step).AsAsyncEnumerable(),
                HoldoutPoints = db.HoldoutPoints.AsNoTracking().Where(p => jobs.Any(j => j.Id == p.JobId)).OrderBy(p => p.JobId).ThenBy(p => p.Epoch)
                    .AsAsyncEnumerable(),
                Checkpoints = db.Checkpoints.AsNoTracking().Where(c => jobs.Any(j => j.Id == c.JobId)).OrderBy(c => c.JobId).AsAsyncEnumerable(),
                Models = db.Models.AsNoTracking().Where(m => m.TenantId == tenant).OrderBy(m => m.CreatedAt).AsAsyncEnumerable(),
                TestSubmissions = db.TestSubmissions.AsNoTracking().Where(s => s.TenantId == tenant).OrderBy(s => s.CreatedAt).AsAsyncEnumerable(),
            });
        });
        return app;
    }
}
