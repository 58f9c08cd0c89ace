using System.Net;
using System.Net.Sockets;

namespace LlmLab.ServiceKit.Outbound;

/// <summary>
/// The one connection pool a service's outbound calls (provider SDKs, webhooks) send through. Each connection resolves the host itself and checks every
/// address against the outbound policy before connecting, so the address checked is the address connected to. No
/// proxy: through a proxy the connection would go to the proxy, and the check would not see the real destination.
/// </summary>
public sealed class OutboundHttp : IDisposable
{
    private readonly SocketsHttpHandler _handler;
    private readonly OutboundAddressPolicy _policy;

    public OutboundHttp(OutboundAddressPolicy policy)
    {
        _policy = policy;
        _handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            // HTTP/1.1 opens a connection per call in flight (no cap); a provider on HTTP/2 gets more than one
            // connection when its 100 streams are busy.
            EnableMultipleHttp2Connections = true,
            ConnectCallback = ConnectAsync,
        };
    }

    /// <summary>A client of its own (SDKs may set default headers) over the shared, checked connections.</summary>
    public HttpClient CreateClient() => new(_handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };

    public void Dispose() => _handler.Dispose();

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (!_policy.IsTrustedHost(host))
        {
            foreach (var address in addresses)
            {
                if (_policy.BlockReason(address) is { } reason) throw new BlockedAddressException(host, address.ToString(), reason);
            }
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
