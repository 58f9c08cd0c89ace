using LlmLab.Knowledge.Data;
using LlmLab.Knowledge.Retrieval;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LlmLab.Knowledge.IndexSync;

/// <summary>
/// Brings BM25 indexes up to date ahead of searches: at start every tenant with a generation or an index on disk (a
/// tenant erased meanwhile loses its folder), then every <see cref="KnowledgeOptions.IndexFollowSeconds"/> the tenants
/// this replica has open — another replica's writes and erasures reach this one within that time even unsearched.
/// </summary>
public sealed class IndexFollower(IServiceScopeFactory scopes, IndexConsistency consistency, Bm25Index bm25,
    IOptions<KnowledgeOptions> options, TimeProvider time, ILogger<IndexFollower> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await FollowAsync(everyKnown: true, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IndexFollowSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await FollowAsync(everyKnown: false, stoppingToken);
    }

    private async Task FollowAsync(bool everyKnown, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
            var source = new PostgresIndexSource(db);
            var tenants = everyKnown
                ? (await db.IndexGenerations.Select(g => g.TenantId).ToListAsync(ct)).Union(bm25.TenantsOnDisk()).ToList()
                : bm25.OpenTenants();
            foreach (var tenant in tenants) await consistency.EnsureAsync(source, tenant, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Searches check their tenant anyway, so a failed round only moves the catch-up to the next search.
            logger.LogWarning(ex, "Bringing the BM25 indexes up to date failed");
        }
    }
}
