using LlmLab.Batch.Clients;
using LlmLab.Batch.Data;
using LlmLab.ServiceKit;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>
/// Whether an experiment id is the caller's: it has a run here, or the experiments service knows it for the tenant.
/// Reads by experiment id answer 404 otherwise, instead of an empty list that hides a typo or a foreign id.
/// </summary>
public sealed class ExperimentLookup(BatchDbContext db, ExperimentsClient experiments)
{
    public async Task<bool> ExistsAsync(Guid experimentId, CallerIdentity caller, CancellationToken ct) =>
        experimentId != Guid.Empty
        && (await db.Runs.AsNoTracking().AnyAsync(r => r.TenantId == caller.TenantId && r.ExperimentId == experimentId, ct)
            || await experiments.GetAsync(experimentId, caller, ct) is not null);
}
