using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>
/// API.md: "small runs answer 200 with the responses". A run of at most Batch:SynchronousMaxCalls calls is awaited
/// (up to Batch:SynchronousWaitSeconds) and answered whole; a larger or slower one stays a 202 with its progress URL.
/// </summary>
public sealed class SmallRunWaiter(BatchDbContext db, IConfiguration configuration, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public bool IsSmall(BatchRun run) => run.TotalItems <= configuration.GetValue("Batch:SynchronousMaxCalls", 10);

    /// <summary>The finished run with its responses, or null when it did not finish in time.</summary>
    public async Task<(BatchRun Run, List<ResponseView> Responses)?> WaitAsync(Guid runId, string tenantId, CancellationToken ct)
    {
        var deadline = time.GetUtcNow().AddSeconds(configuration.GetValue("Batch:SynchronousWaitSeconds", 60));
        using var cadence = new PeriodicTimer(PollInterval, time);
        while (time.GetUtcNow() < deadline)
        {
            var run = await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.TenantId == tenantId, ct);
            if (run is null) return null;
            if (run.Status.IsFinal())
            {
                var responses = await db.Responses.AsNoTracking().Include(r => r.Metrics)
                    .Where(r => r.RunId == runId && r.TenantId == tenantId)
                    .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
                    .ToListAsync(ct);
                return (run, responses.Select(r => r.ToView()).ToList());
            }
            await cadence.WaitForNextTickAsync(ct);
        }
        return null;
    }
}
