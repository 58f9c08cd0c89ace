using System.Net;
using LlmLab.ServiceKit.Outbound;
using Microsoft.Extensions.Options;

namespace LlmLab.UnitTests.Security;

public class OutboundAddressPolicyTests
{
    internal static OutboundAddressPolicy Policy(OutboundOptions? options = null) => new(new FixedOptions<OutboundOptions>(options ?? new OutboundOptions()));

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("169.254.1.1", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("100.64.0.1", "private")]
    [InlineData("fd00::1", "private")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("224.0.0.1", "multicast or broadcast")]
    [InlineData("ff02::1", "multicast or broadcast")]
    [InlineData("255.255.255.255", "multicast or broadcast")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "link-local")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("2002:c0a8:0101::1", "private")]
    public void By_default_internal_addresses_are_blocked_with_the_reason(string address, string reason) =>
        Assert.Equal(reason, Policy().BlockReason(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:1.1.1.1")]
    public void Public_addresses_are_allowed(string address) => Assert.Null(Policy().BlockReason(IPAddress.Parse(address)));

    [Fact]
    public void An_operator_allows_loopback_private_networks_listed_networks_or_hosts_and_nothing_more()
    {
        var loopback = Policy(new OutboundOptions { AllowLoopback = true });
        Assert.Null(loopback.BlockReason(IPAddress.Loopback));
        Assert.Equal("private", loopback.BlockReason(IPAddress.Parse("10.0.0.1")));

        var lan = Policy(new OutboundOptions { AllowPrivateNetworks = true });
        Assert.Null(lan.BlockReason(IPAddress.Parse("192.168.0.10")));
        Assert.Equal("link-local", lan.BlockReason(IPAddress.Parse("169.254.169.254")));
        Assert.Equal("loopback", lan.BlockReason(IPAddress.Loopback));

        var listed = Policy(new OutboundOptions { AllowedNetworks = ["127.0.0.1/32", "10.20.0.0/16"] });
        Assert.Null(listed.BlockReason(IPAddress.Parse("127.0.0.1")));
        Assert.Null(listed.BlockReason(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.Null(listed.BlockReason(IPAddress.Parse("10.20.3.4")));
        Assert.Equal("loopback", listed.BlockReason(IPAddress.Parse("127.0.0.2")));
        Assert.Equal("loopback", listed.BlockReason(IPAddress.IPv6Loopback));
        Assert.Equal("private", listed.BlockReason(IPAddress.Parse("10.21.0.1")));

        var host = Policy(new OutboundOptions { AllowedHosts = ["ollama.internal"] });
        Assert.True(host.IsTrustedHost("OLLAMA.internal."));
        Assert.False(host.IsTrustedHost("ollama.internal.evil.example"));
    }
}

internal sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;
    public T Get(string? name) => value;
    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
