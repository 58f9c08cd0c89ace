using System.Collections.Concurrent;
using System.Threading.Channels;

namespace LlmLab.Analytics.Live;

/// <summary>One event of a tenant's live stream: its SSE name (run.started, run.finished, gate.evaluated, alert) and its data.</summary>
public sealed record LiveEvent(string TenantId, string Name, object Data);

/// <summary>
/// This replica's live listeners, per tenant: every event published here reaches each listener of its tenant. A slow
/// listener's oldest events are dropped (it is a notification stream; the data itself is read from the API).
/// </summary>
public sealed class LiveEvents
{
    public const int ListenerCapacity = 256;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Channel<LiveEvent>>> _listeners = new(StringComparer.Ordinal);

    /// <summary>The tenants with at least one listener on this replica.</summary>
    public IReadOnlyList<string> Tenants => _listeners.Where(t => !t.Value.IsEmpty).Select(t => t.Key).ToList();

    public Listener Listen(string tenantId)
    {
        var channel = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(ListenerCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        var id = Guid.NewGuid();
        _listeners.GetOrAdd(tenantId, _ => new ConcurrentDictionary<Guid, Channel<LiveEvent>>())[id] = channel;
        return new Listener(channel.Reader, () =>
        {
            if (_listeners.TryGetValue(tenantId, out var ofTenant)) ofTenant.TryRemove(id, out _);
            channel.Writer.TryComplete();
        });
    }

    public void Publish(LiveEvent e)
    {
        if (!_listeners.TryGetValue(e.TenantId, out var ofTenant)) return;
        foreach (var channel in ofTenant.Values) channel.Writer.TryWrite(e);
    }

    /// <summary>A listener's events; disposing it stops listening.</summary>
    public sealed class Listener(ChannelReader<LiveEvent> events, Action stop) : IDisposable
    {
        public ChannelReader<LiveEvent> Events { get; } = events;

        public void Dispose() => stop();
    }
}
