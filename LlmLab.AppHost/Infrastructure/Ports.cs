using System.Net;
using System.Net.Sockets;

namespace LlmLab.AppHost.Infrastructure;

/// <summary>Free loopback ports, and waiting for a port to accept connections.</summary>
public static class Ports
{
    private static readonly HashSet<int> Handed = [];

    /// <summary>
    /// A free loopback port below the kernel's ephemeral range. Ports the kernel hands out for bind(0) or as the local
    /// end of outgoing connections come from that range, so a port chosen there can be taken by someone else's
    /// connection between the check and the bind; below it, only another explicit chooser can collide.
    /// </summary>
    public static int Free()
    {
        var (low, high) = ChoosableRange();
        while (true)
        {
            var port = Random.Shared.Next(low, high);
            lock (Handed)
            {
                if (Handed.Contains(port) || !IsFree(port)) continue;
                Handed.Add(port);
                return port;
            }
        }
    }

    private static (int Low, int High) ChoosableRange()
    {
        const int floor = 10000;
        var ephemeralStart = 32768;
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            ephemeralStart = int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            // not Linux, or unreadable: the usual Linux default
        }
        return ephemeralStart - floor > 1000 ? (floor, ephemeralStart) : (floor, 32768);
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
