using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Net.Client;
using LlmLab.Contracts.Llm;
using LlmLab.IntegrationTests.Platform;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;

namespace LlmLab.IntegrationTests;

/// <summary>Services answer only callers that hold the platform secret: a forged identity sent straight to a port is refused.</summary>
[Collection(PlatformCollection.Name)]
public class ServiceTrustTests(PlatformFixture platform)
{
    private static readonly string[] HttpServices = ["experiments", "batch", "analytics", "llm-integration", "quality-analysis"];

    private string HttpUrl(string service) => platform.ReadState()!.Resource(service).Url;

    [Fact]
    public async Task A_tenant_header_sent_straight_to_any_service_port_is_refused_with_401()
    {
        using var client = new HttpClient();
        foreach (var service in HttpServices)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{HttpUrl(service)}/api/experiments");
            request.Headers.Add("X-Tenant-Id", "dev");
            request.Headers.Add("X-Caller-Role", "admin");
            var response = await client.SendAsync(request);
            var problem = await PlatformApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, InternalTokens.HeaderName.ToLowerInvariant());
            Assert.Equal("Platform identity missing", problem.GetProperty("title").GetString());
        }
    }

    [Fact]
    public async Task A_token_signed_with_another_key_or_garbage_is_refused()
    {
        var forgedKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var forger = SigningHandler.For(forgedKey, new CallerIdentity(platform.TenantOfApiKey, "mallory", Roles.Admin));
        using var forged = new HttpClient(forger);
        var response = await forged.GetAsync($"{HttpUrl("experiments")}/api/experiments");
        await PlatformApi.ExpectProblemAsync(response, HttpStatusCode.Unauthorized, InternalTokens.HeaderName.ToLowerInvariant());

        using var garbage = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{HttpUrl("experiments")}/api/experiments");
        request.Headers.TryAddWithoutValidation(InternalTokens.HeaderName, "eyJhbGciOiJub25lIn0.eyJ0ZW5hbnQiOiJkZXYifQ.");
        await PlatformApi.ExpectProblemAsync(await garbage.SendAsync(request), HttpStatusCode.Unauthorized, InternalTokens.HeaderName.ToLowerInvariant());
    }

    [Fact]
    public async Task A_correctly_signed_token_is_accepted_and_decides_the_tenant()
    {
        var name = $"trust-{Guid.NewGuid():N}";
        var api = new PlatformApi(platform.CreateClient());
        await api.CreateExperimentAsync(PlatformApi.Grid3x3(name));

        using var asOwner = new HttpClient(SigningHandler.For(platform.InternalTokenKey,
            new CallerIdentity(platform.TenantOfApiKey, "service:tests", InternalTokens.ServiceRole)));
        var own = await PlatformApi.ReadAsync(await asOwner.GetAsync($"{HttpUrl("experiments")}/api/experiments?q={name}"), HttpStatusCode.OK);
        Assert.Equal(1, own.GetProperty("total").GetInt32());

        using var asOther = new HttpClient(SigningHandler.For(platform.InternalTokenKey,
            new CallerIdentity("another-tenant", "service:tests", InternalTokens.ServiceRole)));
        var other = await PlatformApi.ReadAsync(await asOther.GetAsync($"{HttpUrl("experiments")}/api/experiments?q={name}"), HttpStatusCode.OK);
        Assert.Equal(0, other.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_identity_token_sent_by_a_caller_through_the_gateway_is_dropped_and_the_key_decides()
    {
        var name = $"forged-{Guid.NewGuid():N}";
        var token = new InternalTokens(Microsoft.Extensions.Options.Options.Create(new InternalTokenOptions { InternalTokenKey = platform.InternalTokenKey }),
            TimeProvider.System).Mint(new CallerIdentity("victim-tenant", "mallory", Roles.Admin));
        using var client = platform.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/experiments") { Content = JsonContent.Create(PlatformApi.Grid3x3(name)) };
        request.Headers.Add(InternalTokens.HeaderName, token);
        await PlatformApi.ReadAsync(await client.SendAsync(request), HttpStatusCode.Created);

        using var victim = new HttpClient(SigningHandler.For(platform.InternalTokenKey,
            new CallerIdentity("victim-tenant", "service:tests", InternalTokens.ServiceRole)));
        var list = await PlatformApi.ReadAsync(await victim.GetAsync($"{HttpUrl("experiments")}/api/experiments?q={name}"), HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        var own = await PlatformApi.ReadAsync(await client.GetAsync($"/api/experiments?q={name}"), HttpStatusCode.OK);
        Assert.Equal(1, own.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Grpc_without_a_platform_token_is_unauthenticated()
    {
        var grpcUrl = platform.ReadState()!.Resource("llm-integration").GrpcUrl!;
        using var channel = GrpcChannel.ForAddress(grpcUrl);
        var client = new LlmService.LlmServiceClient(channel);
        var request = new GenerateRequest
        {
            TenantId = platform.TenantOfApiKey, Provider = "local", Cache = false,
            Messages = { new ChatMessage { Role = "user", Content = "Explain rain." } },
            Parameters = new GenerationParameters { Temperature = 0.7, MaxTokens = 8, Seed = 1 },
        };
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await client.GenerateAsync(request));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);

        using var signed = platform.SignedChannel(grpcUrl);
        var reply = await new LlmService.LlmServiceClient(signed).GenerateAsync(request);
        Assert.True(reply.CompletionTokens > 0);
    }

    [Fact]
    public async Task Probes_stay_open_on_service_ports()
    {
        using var client = new HttpClient();
        foreach (var service in HttpServices)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{HttpUrl(service)}/alive")).StatusCode);
        }
    }
}
