using System.Net;
using LlmLab.AppHost.Infrastructure;

namespace LlmLab.AppHost.Dashboard;

/// <summary>Where the dashboard listens: loopback only, since it shows every process's logs and traces to whoever connects.</summary>
public static class DashboardAddress
{
    public const string Setting = "AppHost:Dashboard:Url";

    /// <exception cref="ArgumentException">The URL is not http on a loopback address.</exception>
    public static void Validate(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/")
            throw new ArgumentException($"{Setting}: '{url}' is not an http URL such as http://127.0.0.1:18888.");
        if (!IsLoopback(uri.Host))
            throw new ArgumentException($"{Setting}: the dashboard listens on loopback only (127.0.0.1, [::1] or localhost), not '{uri.Host}'.");
    }

    /// <summary>The configured URL, or the same host on a free port when the configured port is taken (another platform runs).</summary>
    public static Uri Choose(string url)
    {
        var uri = new Uri(url);
        return Ports.IsFree(uri.Port) ? uri : new UriBuilder(uri) { Port = Ports.Free() }.Uri;
    }

    public static bool IsLoopback(string host) =>
        host == "localhost" || IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
}
