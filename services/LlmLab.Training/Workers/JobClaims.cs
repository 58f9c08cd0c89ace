using LlmLab.Training.Data;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Training.Workers;

/// <summary>
/// The database side of sharing jobs between replicas: a worker claims a job with a row lock (SKIP LOCKED, so replicas
/// never wait on each other) and a lease it renews while training. A job whose lease ran out — its worker crashed or
/// was killed — is claimed again by any replica, which resumes it from the last checkpoint.
/// </summary>
public sealed class JobClaims(TrainingDbContext db)
{
    /// <summary>
    /// The next claimable job, now leased to <paramref name="workerId"/>. Only the moves JobLifecycle allows happen
    /// here: queued → running, and running → running for a job whose previous worker stopped renewing (a resume).
    /// </summary>
    public async Task<Guid?> ClaimAsync(string workerId, TimeSpan lease, CancellationToken ct)
    {
        var ids = await db.Database.SqlQuery<Guid>($"""
            UPDATE training_jobs SET
                resumes = resumes + CASE WHEN status = 'running' THEN 1 ELSE 0 END,
                status = 'running', worker_id = {workerId},
                lease_until = now() + make_interval(secs => {lease.TotalSeconds}),
                started_at = COALESCE(started_at, now())
            WHERE id = (
                SELECT id FROM training_jobs
                WHERE status IN ('queued', 'running') AND (lease_until IS NULL OR lease_until < now())
                ORDER BY created_at
                FOR UPDATE SKIP LOCKED
                LIMIT 1)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return ids.Count == 0 ? null : ids[0];
    }

    /// <summary>Extends the lease; null when the job is no longer this worker's, else whether a cancel was asked.</summary>
    public async Task<bool?> RenewAsync(Guid jobId, string workerId, TimeSpan lease, CancellationToken ct)
    {
        var rows = await db.Database.SqlQuery<bool>($"""
            UPDATE training_jobs SET lease_until = now() + make_interval(secs => {lease.TotalSeconds})
            WHERE id = {jobId} AND worker_id = {workerId} AND status = 'running'
            RETURNING cancel_requested AS "Value"
            """).ToListAsync(ct);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Gives a job back at shutdown so another replica resumes it at once instead of after the lease.</summary>
    public Task ReleaseAsync(Guid jobId, string workerId) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE training_jobs SET lease_until = NULL, worker_id = NULL
            WHERE id = {jobId} AND worker_id = {workerId} AND status = 'running'
            """);
}
