using Microsoft.EntityFrameworkCore;

namespace LlmLab.ServiceKit;

/// <summary>
/// Runs a unit of work in a transaction under the context's retrying execution strategy, so a connection that broke
/// (PostgreSQL restarted, a stale pooled connection) is retried as a whole unit instead of failing the request. Each
/// attempt starts from an empty change tracker, so a rolled-back attempt leaves nothing half-tracked for the next.
/// </summary>
public static class ResilientTransactions
{
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
}
