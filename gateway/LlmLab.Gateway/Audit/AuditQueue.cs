using System.Threading.Channels;
using LlmLab.Contracts.Identity;

namespace LlmLab.Gateway.Audit;

/// <summary>
/// Audit records waiting in memory to be shipped to identity, used only while Redis (the durable
/// <see cref="AuditJournal"/>) cannot be reached. Bounded so a long identity outage costs memory up to a limit, not
/// the requests: past it the oldest records are dropped and counted in the log.
/// </summary>
public sealed class AuditQueue
{
    public const int Capacity = 100_000;
    private readonly Channel<AuditRecord> _channel;
    private long _dropped;

    public AuditQueue() =>
        _channel = Channel.CreateBounded<AuditRecord>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));

    public ChannelReader<AuditRecord> Reader => _channel.Reader;

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Enqueue(AuditRecord record) => _channel.Writer.TryWrite(record);
}
