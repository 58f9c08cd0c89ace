using System.Net;
using System.Net.Sockets;

namespace LlmLab.AppHost.Infrastructure;

/// <summary>Free loopback ports, and waiting for a port to accept connections.</summary>
public static class Ports
{
    private static readonly HashSet<int> Handed = [];

    public static int Free()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (Handed)
            {
                if (Handed.Add(port)) return port;
            }
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static async Task<bool> WaitForListenerAsync(int port, TimeSpan timeout, CancellationToken cancellationToken, Func<bool>? stillAlive = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (stillAlive is not null && !stillAlive()) return false;
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
        return false;
    }
}
