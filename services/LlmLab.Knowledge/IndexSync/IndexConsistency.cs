using System.Collections.Concurrent;
using LlmLab.Knowledge.Retrieval;

namespace LlmLab.Knowledge.IndexSync;

/// <summary>
/// Keeps this replica's BM25 index of a tenant at the tenant's index generation in PostgreSQL, the store of record,
/// whichever replica wrote: a search reads the stored generation (one primary-key read) and, when its index holds
/// another, catches up before it answers — the logged changes since its generation re-indexed document by document,
/// or the whole index rebuilt when the log does not reach back that far. One catch-up per tenant at a time; the others
/// wait for it and find the index current.
/// </summary>
public sealed class IndexConsistency(Bm25Index bm25, ILogger<IndexConsistency> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<SemaphoreSlim>> _gates = new(StringComparer.Ordinal);

    public async Task EnsureAsync(IIndexSource source, string tenant, CancellationToken ct)
    {
        if (bm25.GenerationOf(tenant) == await source.GenerationAsync(tenant, ct)) return;
        var gate = _gates.GetOrAdd(tenant, _ => new Lazy<SemaphoreSlim>(() => new SemaphoreSlim(1, 1))).Value;
        await gate.WaitAsync(ct);
        try
        {
            // Read again under the gate: the catch-up this one waited for may have brought the index to it, or past it.
            await CatchUpAsync(source, tenant, await source.GenerationAsync(tenant, ct), ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// After this replica's own write has committed: its index follows at once (the write is already stored, so a
    /// failure here is logged, not the caller's; the next search of the tenant catches up).
    /// </summary>
    public async Task FollowWriteAsync(IIndexSource source, string tenant, CancellationToken ct)
    {
        try
        {
            await EnsureAsync(source, tenant, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Updating the BM25 index after a write failed; the tenant's next search catches up");
        }
    }

    private async Task CatchUpAsync(IIndexSource source, string tenant, long stored, CancellationToken ct)
    {
        var applied = bm25.GenerationOf(tenant);
        var changes = CatchUpPlan.NeedsChanges(applied, stored) ? await source.ChangesAsync(tenant, applied, stored, ct) : [];
        var plan = CatchUpPlan.For(applied, stored, changes);
        switch (plan.Kind)
        {
            case CatchUpKind.Erase:
                bm25.Erase(tenant);
                break;
            case CatchUpKind.Apply:
                bm25.Replace(tenant, plan.Documents, await source.CurrentChunksAsync(tenant, plan.Documents, ct), stored);
                break;
            case CatchUpKind.Rebuild:
                var chunks = await source.CurrentChunksAsync(tenant, null, ct);
                logger.LogInformation("Rebuilding the BM25 index of a tenant from PostgreSQL ({Chunks} chunks, generation {Applied} → {Stored})",
                    chunks.Count, applied, stored);
                bm25.Rebuild(tenant, chunks, stored);
                break;
        }
    }
}
