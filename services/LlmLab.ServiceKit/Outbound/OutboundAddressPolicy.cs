using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace LlmLab.ServiceKit.Outbound;

/// <summary>
/// Decides whether an outbound call may reach an address: public unicast addresses yes; loopback, link-local (with the
/// cloud metadata address 169.254.169.254), private, unspecified, multicast and reserved ones only when configured.
/// IPv4 carried inside IPv6 (mapped, NAT64, 6to4) is judged as the IPv4 address it carries.
/// </summary>
public sealed class OutboundAddressPolicy(IOptionsMonitor<OutboundOptions> options)
{
    private static readonly IPNetwork[] Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];
    private static readonly IPNetwork[] LinkLocal = [IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("fe80::/10")];
    private static readonly IPNetwork[] Private =
    [
        IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fec0::/10"),
    ];
    private static readonly IPNetwork[] Unspecified = [IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("::/128")];
    private static readonly IPNetwork[] Multicast = [IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("ff00::/8")];
    private static readonly IPNetwork[] Reserved = [IPNetwork.Parse("240.0.0.0/4")];
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    public bool IsTrustedHost(string host) =>
        options.CurrentValue.AllowedHosts.Any(h => string.Equals(h.TrimEnd('.'), host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));

    /// <summary>Why the address may not be reached ("loopback", "link-local", …), or null when it may.</summary>
    public string? BlockReason(IPAddress address)
    {
        var current = options.CurrentValue;
        if (current.AllowedNetworks.Any(n => IPNetwork.Parse(n).Contains(address))) return null;
        var judged = EmbeddedIPv4(address) ?? address;
        if (!ReferenceEquals(judged, address) && current.AllowedNetworks.Any(n => IPNetwork.Parse(n).Contains(judged))) return null;

        if (In(Loopback, judged)) return current.AllowLoopback ? null : "loopback";
        if (In(LinkLocal, judged)) return "link-local";
        if (In(Private, judged)) return current.AllowPrivateNetworks ? null : "private";
        if (In(Unspecified, judged)) return "unspecified";
        if (In(Multicast, judged) || judged.Equals(IPAddress.Broadcast)) return "multicast or broadcast";
        if (In(Reserved, judged)) return "reserved";
        return null;
    }

    private static bool In(IPNetwork[] networks, IPAddress address) => networks.Any(n => n.Contains(address));

    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return null;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address)) return new IPAddress(bytes[12..16]);
        if (SixToFour.Contains(address)) return new IPAddress(bytes[2..6]);
        return null;
    }
}
