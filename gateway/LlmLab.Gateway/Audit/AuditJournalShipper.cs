using Grpc.Core;
using LlmLab.Contracts.Identity;
using StackExchange.Redis;

namespace LlmLab.Gateway.Audit;

/// <summary>
/// Ships the audit journal to identity. Every replica reads the stream in one consumer group; a batch is acknowledged
/// and deleted only after identity recorded it. Entries a replica read but never acknowledged (it crashed) are claimed
/// by any replica once they have been idle for <see cref="ClaimAfter"/>, so they are recorded after all — at least once:
/// a crash between recording and acknowledging records that batch twice.
/// </summary>
public sealed class AuditJournalShipper(IConnectionMultiplexer redis, IdentityService.IdentityServiceClient identity, ILogger<AuditJournalShipper> logger)
    : BackgroundService
{
    private const int BatchSize = 500;
    public static readonly TimeSpan ClaimAfter = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(500);
    private readonly string _consumer = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = Idle;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var shipped = await ShipOnceAsync(stoppingToken);
                delay = Idle;
                if (shipped == 0) await Task.Delay(Idle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or RpcException)
            {
                logger.LogWarning("Audit journal not shipped ({Reason}); retrying in {Delay}", ex.Message, delay);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private async Task<int> ShipOnceAsync(CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        await EnsureGroupAsync(db);
        var entries = (await db.StreamAutoClaimAsync(AuditJournal.Stream, AuditJournal.Group, _consumer, (long)ClaimAfter.TotalMilliseconds, "0-0", BatchSize)).ClaimedEntries;
        if (entries.Length == 0) entries = await db.StreamReadGroupAsync(AuditJournal.Stream, AuditJournal.Group, _consumer, ">", BatchSize);
        if (entries.Length == 0) return 0;

        var batch = new RecordAuditRequest();
        foreach (var entry in entries)
        {
            var value = entry[AuditJournal.Field];
            if (value.HasValue) batch.Records.Add(AuditRecord.Parser.ParseFrom((byte[])value!));
        }
        if (batch.Records.Count > 0) await identity.RecordAuditAsync(batch, deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: cancellationToken);
        var ids = entries.Select(e => e.Id).ToArray();
        await db.StreamAcknowledgeAsync(AuditJournal.Stream, AuditJournal.Group, ids);
        await db.StreamDeleteAsync(AuditJournal.Stream, ids);
        return entries.Length;
    }

    private static async Task EnsureGroupAsync(IDatabase db)
    {
        try
        {
            await db.StreamCreateConsumerGroupAsync(AuditJournal.Stream, AuditJournal.Group, "0-0", createStream: true);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // created by this or another replica before
        }
    }
}
