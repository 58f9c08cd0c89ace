using LlmLab.Training.Data;
using LlmLab.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Training.Workers;

/// <summary>Ends a job the worker holds: failed or cancelled (completion writes the model too, in JobRunner).</summary>
public sealed class JobOutcomes(TrainingDbContext db, TimeProvider time)
{
    public Task FailAsync(Guid jobId, string workerId, string error) => EndAsync(jobId, workerId, JobStatus.Failed, error);

    public Task CancelAsync(Guid jobId, string workerId) => EndAsync(jobId, workerId, JobStatus.Cancelled, null);

    private async Task EndAsync(Guid jobId, string workerId, JobStatus status, string? error)
    {
        db.ChangeTracker.Clear();
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId && j.WorkerId == workerId);
        if (job is null || !job.MoveTo(status, time.GetUtcNow())) return;
        job.Error = error is null ? null : error[..Math.Min(error.Length, 2000)];
        await db.Checkpoints.Where(c => c.JobId == jobId).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
    }
}
