using LlmLab.Knowledge.Data;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Knowledge.Retrieval;

/// <summary>At start, checks (and where needed rebuilds) the BM25 index of every tenant that has documents.</summary>
public sealed class IndexWarmup(IServiceScopeFactory scopes, IndexConsistency consistency, ILogger<IndexWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KnowledgeDbContext>();
            var tenants = await db.Documents.Where(d => d.IsCurrent).Select(d => d.TenantId).Distinct().ToListAsync(stoppingToken);
            foreach (var tenant in tenants) await consistency.EnsureAsync(db, tenant, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Queries check their tenant again, so a failed warm-up only moves the rebuild to the first query.
            logger.LogWarning(ex, "Checking the BM25 indexes at start failed");
        }
    }
}
