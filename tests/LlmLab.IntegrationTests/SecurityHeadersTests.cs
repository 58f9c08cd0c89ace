using System.Net;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>Every gateway answer locks the browser down; no process says what server it runs; no origin is allowed by default.</summary>
[Collection(PlatformCollection.Name)]
public class SecurityHeadersTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("/api/health", null)]                  // the gateway's own endpoint
    [InlineData("/api/experiments", "key")]            // proxied to a service
    [InlineData("/api/experiments", null)]             // refused by the gateway (401)
    [InlineData("/api/experiments/not-a-guid", "key")] // a service's 404
    [InlineData("/", null)]                            // the web app (or its absence)
    public async Task Every_gateway_answer_carries_the_security_headers_and_no_server_header(string path, string? key)
    {
        using var client = platform.CreateClient(key is null ? null : PlatformFixture.ApiKey);
        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", PlatformApi.Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", PlatformApi.Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", PlatformApi.Header(response, "Referrer-Policy"));
        var csp = PlatformApi.Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(",", response.Headers.Server)}");
    }

    [Theory]
    [InlineData("experiments")]
    [InlineData("batch")]
    [InlineData("llm-integration")]
    [InlineData("quality-analysis")]
    [InlineData("analytics")]
    public async Task A_service_port_sends_no_server_header(string service)
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync($"{platform.ReadState()!.Resource(service).Url}/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }

    [Fact]
    public async Task With_no_allowed_origins_configured_a_preflight_is_not_granted_to_any_origin()
    {
        using var client = platform.CreateClient(apiKey: null);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/experiments");
        preflight.Headers.Add("Origin", "https://lab.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await client.SendAsync(preflight);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
