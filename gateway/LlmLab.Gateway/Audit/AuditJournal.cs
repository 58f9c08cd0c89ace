using Google.Protobuf;
using LlmLab.Contracts.Identity;
using StackExchange.Redis;

namespace LlmLab.Gateway.Audit;

/// <summary>
/// The durable side of the audit trail: a record is appended to a Redis stream (Redis keeps an append-only file)
/// before the answer it describes leaves the gateway, so a gateway that crashes afterwards loses nothing;
/// <see cref="AuditJournalShipper"/> moves the stream to identity. Only when Redis cannot be reached does a record
/// wait in this process's memory (<see cref="AuditQueue"/>) instead.
/// </summary>
public sealed class AuditJournal(IConnectionMultiplexer redis, AuditQueue fallback, ILogger<AuditJournal> logger)
{
    public const string Stream = "llmlab:audit:journal";
    public const string Group = "audit-shippers";
    public const string Field = "record";
    /// <summary>Bounds the stream during a long identity outage (approximate trimming, oldest first).</summary>
    private const long MaxLength = 1_000_000;

    public async Task AppendAsync(AuditRecord record)
    {
        try
        {
            await redis.GetDatabase().StreamAddAsync(Stream, Field, record.ToByteArray(), maxLength: MaxLength, useApproximateMaxLength: true);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning("Audit journal unreachable ({Reason}); the record waits in memory", ex.GetType().Name);
            fallback.Enqueue(record);
        }
    }
}
