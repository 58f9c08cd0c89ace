using System.Net;
using System.Net.Sockets;

namespace LlmLab.ServiceKit.Outbound;

/// <summary>
/// The check of an outbound URL (a provider's base_url, a webhook's url) when it is saved: http(s), no credentials in the URL, and every
/// address the host resolves to allowed by the policy. The same policy is applied again at every connection
/// (<see cref="OutboundHttp"/>), so a name that resolves differently later (DNS rebinding) gains nothing.
/// </summary>
public sealed class OutboundUrlCheck(OutboundAddressPolicy policy)
{
    /// <summary>The problem with the URL, or null when it may be used.</summary>
    public async Task<string?> ProblemAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "must be an absolute http(s) URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "must not carry credentials (user:password@).";
        if (policy.IsTrustedHost(uri.IdnHost)) return null;

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            // Not resolvable from here now: refused at connection time if it later resolves to a blocked address.
            return null;
        }
        foreach (var address in addresses)
        {
            if (policy.BlockReason(address) is { } reason)
                return $"{uri.IdnHost} resolves to {address} ({reason}), which outbound calls may not reach unless an operator allows it (the service's Outbound settings, docs/security.md).";
        }
        return null;
    }
}
