using System.Net;
using System.Net.Sockets;
using System.Text;
using LlmLab.ServiceKit.Outbound;
using LlmLab.LlmIntegration.Pipeline;

namespace LlmLab.UnitTests.Security;

/// <summary>The checks at connection time, against a real socket on loopback (the address the policy blocks by default).</summary>
public class OutboundConnectionTests
{
    [Fact]
    public async Task A_connection_to_a_blocked_address_is_refused_before_it_is_made_and_an_allowed_one_goes_through()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = ServeOneAsync(listener);

        using var blocked = new OutboundHttp(OutboundAddressPolicyTests.Policy());
        using var blockedClient = blocked.CreateClient();
        // By name (resolved at connect, as a rebinding name would be) and by literal address: both refused.
        foreach (var url in new[] { $"http://localhost:{port}/v1/models", $"http://127.0.0.1:{port}/v1/models" })
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => blockedClient.GetAsync(url));
            var reason = Assert.IsType<BlockedAddressException>(refused.InnerException);
            Assert.Contains("loopback", reason.Message, StringComparison.Ordinal);
            var classified = ErrorClassifier.Classify(refused, "p");
            Assert.Equal(ProviderErrorKind.InvalidRequest, classified.Kind);
            Assert.StartsWith("base_url: p: ", classified.Message, StringComparison.Ordinal);
        }
        Assert.False(served.IsCompleted, "the blocked calls must not have connected");

        using var allowed = new OutboundHttp(OutboundAddressPolicyTests.Policy(new OutboundOptions { AllowedNetworks = ["127.0.0.1/32"] }));
        using var allowedClient = allowed.CreateClient();
        using var response = await allowedClient.GetAsync($"http://127.0.0.1:{port}/v1/models");
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        await served;
    }

    [Theory]
    [InlineData("ftp://example.com/v1", "http(s)")]
    [InlineData("not a url", "http(s)")]
    [InlineData("https://user:secret@example.com/v1", "credentials")]
    [InlineData("http://localhost:11434/v1", "loopback")]
    [InlineData("http://[::1]:8080/v1", "loopback")]
    [InlineData("http://169.254.169.254/latest/meta-data", "link-local")]
    [InlineData("http://10.0.0.5/v1", "private")]
    [InlineData("http://0.0.0.0:80/v1", "unspecified")]
    public async Task A_base_url_is_checked_when_a_provider_is_added(string url, string named)
    {
        var problem = await new OutboundUrlCheck(OutboundAddressPolicyTests.Policy()).ProblemAsync(url, CancellationToken.None);
        Assert.NotNull(problem);
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_public_address_or_a_trusted_host_passes_the_check()
    {
        var check = new OutboundUrlCheck(OutboundAddressPolicyTests.Policy(new OutboundOptions { AllowedHosts = ["localhost"] }));
        Assert.Null(await check.ProblemAsync("https://93.184.216.34/v1", CancellationToken.None));
        Assert.Null(await check.ProblemAsync("http://localhost:11434/v1", CancellationToken.None));
    }

    private static async Task ServeOneAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[4096];
        var read = 0;
        while (!Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            read += await stream.ReadAsync(buffer.AsMemory(read));
        }
        await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"));
    }
}
