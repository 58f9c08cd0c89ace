using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace LlmLab.Batch.Apis;

/// <summary>
/// A tier's runs at once (Gateway:Tiers:&lt;tier&gt;:ConcurrentRuns) per tenant: a start that would pass it is refused
/// with 429. The count and the start happen under a PostgreSQL advisory lock on the tenant, so two starts at the same
/// moment, on one replica or two, cannot both take the last slot.
/// </summary>
public sealed class ConcurrentRunGate(BatchDbContext db, IOptionsMonitor<TierLimits> tiers)
{
    public async Task<(T? Started, ProblemHttpResult? Refused)> StartAsync<T>(CallerIdentity caller, Func<CancellationToken, Task<T>> start, CancellationToken ct)
    {
        var limit = tiers.CurrentValue.For(caller.Tier).ConcurrentRuns;
        if (limit <= 0) return (await start(ct), null);

        await using var lockConnection = new NpgsqlConnection(db.Database.GetConnectionString());
        await lockConnection.OpenAsync(ct);
        await ExecuteAsync(lockConnection, "SELECT pg_advisory_lock(hashtextextended($1, 0))", caller.TenantId, ct);
        try
        {
            // The limit is the tenant's: a user's request counts every user's runs.
            var running = await db.Runs.IgnoreQueryFilters().CountAsync(r => r.TenantId == caller.TenantId && r.Status == RunStatus.Running, ct);
            if (running >= limit) return (default, TooMany(caller.Tier, limit, running));
            return (await start(ct), null);
        }
        finally
        {
            await ExecuteAsync(lockConnection, "SELECT pg_advisory_unlock(hashtextextended($1, 0))", caller.TenantId, CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, string tenantId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = "llmlab:runs:" + tenantId } } };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static ProblemHttpResult TooMany(string tier, int limit, int running) => TypedResults.Problem(
        title: "Too many runs at once",
        detail: $"The {tier} tier allows {limit} runs at once and {running} are running; wait for one to finish, or pause or cancel one.",
        statusCode: StatusCodes.Status429TooManyRequests,
        extensions: new Dictionary<string, object?> { ["tier"] = tier, ["limit"] = limit, ["running"] = running });
}
