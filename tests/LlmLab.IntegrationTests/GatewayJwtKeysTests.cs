using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using LlmLab.IntegrationTests.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LlmLab.IntegrationTests;

/// <summary>
/// The gateway's other JWT key configurations — PEM public keys (RSA and EC) and a JWKS URL — each on a gateway replica
/// configured with it, and the refusal of CONNECT and TRACE.
/// </summary>
[Collection(PlatformCollection.Name)]
public class GatewayJwtKeysTests(PlatformFixture platform)
{
    private const string Tenant = "jwt-keys";

    [Fact]
    public async Task Tokens_signed_with_configured_pem_public_keys_are_accepted_and_others_refused()
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var stranger = RSA.Create(2048);
        await using var replica = await GatewayReplica.StartAsync(platform, new Dictionary<string, string>
        {
            ["Gateway__Jwt__PublicKeysPem__0"] = rsa.ExportSubjectPublicKeyInfoPem(),
            ["Gateway__Jwt__PublicKeysPem__1"] = ec.ExportSubjectPublicKeyInfoPem(),
        });

        await ExpectCallerAsync(replica.Url, Sign(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256));
        await ExpectCallerAsync(replica.Url, Sign(new ECDsaSecurityKey(ec), SecurityAlgorithms.EcdsaSha256));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(replica.Url, Sign(new RsaSecurityKey(stranger), SecurityAlgorithms.RsaSha256)));
        // The platform's gateway has no such key configured: the same token is refused there.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(platform.GatewayUrl, Sign(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256)));
    }

    [Fact]
    public async Task Tokens_signed_with_a_key_of_the_jwks_url_are_accepted_and_others_refused()
    {
        using var rsa = RSA.Create(2048);
        using var stranger = RSA.Create(2048);
        var published = new RsaSecurityKey(rsa) { KeyId = "published-1" };
        await using var jwks = await StartJwksServerAsync(rsa, published.KeyId);
        await using var replica = await GatewayReplica.StartAsync(platform, new Dictionary<string, string>
        {
            ["Gateway__Jwt__JwksUrl"] = jwks.Urls.Single() + "/jwks.json",
        });

        await ExpectCallerAsync(replica.Url, Sign(published, SecurityAlgorithms.RsaSha256));
        // A key the set does not hold, whether it claims the published key id or another.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(replica.Url, Sign(new RsaSecurityKey(stranger) { KeyId = "published-1" }, SecurityAlgorithms.RsaSha256)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(replica.Url, Sign(new RsaSecurityKey(stranger) { KeyId = "unknown-2" }, SecurityAlgorithms.RsaSha256)));
    }

    [Theory]
    [InlineData("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n")]
    [InlineData("CONNECT /api/experiments HTTP/1.1\r\nHost: localhost\r\n\r\n")]
    [InlineData("TRACE /api/experiments HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: integration-test-key\r\n\r\n")]
    public async Task Connect_and_trace_are_refused_with_a_4xx_never_forwarded(string request)
    {
        var gateway = new Uri(platform.GatewayUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(gateway.Host, gateway.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[8192];
        var read = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (read < buffer.Length && !Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
            if (n == 0) break;
            read += n;
        }
        var answer = Encoding.ASCII.GetString(buffer, 0, read);
        var status = int.Parse(answer.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        // Kestrel itself refuses a CONNECT whose target is a path (400); every CONNECT or TRACE it lets in is 405 naming the methods.
        Assert.True(status is 400 or 405, answer);
        if (status == 405)
        {
            Assert.Contains("Allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS", answer);
            Assert.Contains("application/problem+json", answer);
        }
        if (request.StartsWith("TRACE", StringComparison.Ordinal)) Assert.Equal(405, status);
    }

    private static string Sign(SecurityKey key, string algorithm) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = PlatformFixture.JwtIssuer,
        Audience = PlatformFixture.JwtAudience,
        Subject = new ClaimsIdentity([new Claim("sub", "jwt-keys-user"), new Claim("tenant", Tenant), new Claim("role", "analyst")]),
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(key, algorithm),
    });

    private static async Task ExpectCallerAsync(string gatewayUrl, string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(gatewayUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await PlatformApi.ReadAsync(await client.GetAsync("/api/me"), HttpStatusCode.OK);
        Assert.Equal(Tenant, me.GetProperty("tenant_id").GetString());
        Assert.Equal("jwt:jwt-keys-user", me.GetProperty("subject_id").GetString());
    }

    private static async Task<HttpStatusCode> StatusAsync(string gatewayUrl, string token)
    {
        using var client = new HttpClient { BaseAddress = new Uri(gatewayUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/me");
        return response.StatusCode;
    }

    /// <summary>An identity provider's bare JWKS document with one RSA public key.</summary>
    private static async Task<WebApplication> StartJwksServerAsync(RSA rsa, string keyId)
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var document = $$"""{"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"{{keyId}}","n":"{{Base64UrlEncoder.Encode(parameters.Modulus)}}","e":"{{Base64UrlEncoder.Encode(parameters.Exponent)}}"}]}""";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{AppHostProcess.FreePort()}");
        var app = builder.Build();
        app.MapGet("/jwks.json", () => Results.Text(document, "application/json"));
        await app.StartAsync();
        return app;
    }
}
