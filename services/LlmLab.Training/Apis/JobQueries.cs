using LlmLab.Training.Apis;
using LlmLab.Training.Data;
using LlmLab.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Training.Apis;

/// <summary>Reads of jobs, always within the caller's tenant.</summary>
public sealed class JobQueries(TrainingDbContext db)
{
    public Task<TrainingJob?> FindAsync(Guid id, string tenantId, CancellationToken ct) =>
        db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.TenantId == tenantId, ct);

    public async Task<JobView> ViewAsync(TrainingJob job, CancellationToken ct)
    {
        var last = await db.Steps.Where(s => s.JobId == job.Id).OrderByDescending(s => s.Step).Select(s => (double?)s.Loss).FirstOrDefaultAsync(ct);
        var holdout = await db.HoldoutPoints.AsNoTracking().Where(h => h.JobId == job.Id).OrderByDescending(h => h.Epoch).FirstOrDefaultAsync(ct);
        return JobView.Of(job, last, holdout);
    }

    public Task<List<TrainingStep>> StepsAfterAsync(Guid jobId, int afterStep, int limit, CancellationToken ct) =>
        db.Steps.AsNoTracking().Where(s => s.JobId == jobId && s.Step > afterStep).OrderBy(s => s.Step).Take(limit).ToListAsync(ct);

    public Task<List<HoldoutPoint>> HoldoutAsync(Guid jobId, CancellationToken ct) =>
        db.HoldoutPoints.AsNoTracking().Where(h => h.JobId == jobId).OrderBy(h => h.Epoch).ToListAsync(ct);
}
