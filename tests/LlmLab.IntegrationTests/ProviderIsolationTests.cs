using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.Contracts.Llm;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Providers, the default provider and the response cache belong to one tenant; shared providers are published by an
/// admin. Tried as a second tenant would, through the gateway (and once over gRPC, as the batch workers call).
/// </summary>
[Collection(PlatformCollection.Name)]
public class ProviderIsolationTests(PlatformFixture platform)
{
    private readonly HttpClient _a = platform.CreateClient(ProviderTenants.KeyA);
    private readonly HttpClient _b = platform.CreateClient(ProviderTenants.KeyB);
    private readonly HttpClient _admin = platform.CreateClient(ProviderTenants.AdminKey);

    private static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    private static object Anthropic(string name, string url, string? key, bool? shared = null, string model = "claude-test") =>
        new { name, kind = "anthropic", base_url = url, api_key = key, models = new[] { new { name = model } }, shared };

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, string model, string prompt = "How do clouds form?") =>
        client.PostAsJsonAsync("/v1/chat/completions", new { model, messages = new[] { new { role = "user", content = prompt } }, max_tokens = 20 });

    private static async Task<List<JsonElement>> ProvidersAsync(HttpClient client) =>
        (await PlatformApi.ReadAsync(await client.GetAsync("/api/llm/providers"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();

    private static async Task<string?> DefaultOf(HttpClient client) =>
        (await PlatformApi.ReadAsync(await client.GetAsync("/api/llm/provider"), HttpStatusCode.OK)).GetProperty("provider").GetString();

    /// <summary>
    /// A provider the caller may not use is, to that caller, a model that does not exist: OpenAI's 404 model_not_found,
    /// naming the model, with the message saying the provider is not configured (for this tenant).
    /// </summary>
    private static async Task ExpectModelNotFoundAsync(HttpResponseMessage response, string provider)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{(int)response.StatusCode}: {text}");
        var error = JsonDocument.Parse(text).RootElement.GetProperty("error");
        Assert.Equal("model_not_found", error.GetProperty("code").GetString());
        Assert.Equal("model", error.GetProperty("param").GetString());
        Assert.Contains($"provider: '{provider}' is not configured", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_tenant_cannot_list_use_overwrite_delete_or_switch_to_the_first_tenant_s_provider()
    {
        await using var serverA = await FakeAnthropicServer.StartAsync();
        await using var serverB = await FakeAnthropicServer.StartAsync();
        var name = UniqueName("iso");
        var keyA = $"sk-a-{Guid.NewGuid():N}";
        var keyB = $"sk-b-{Guid.NewGuid():N}";
        var added = await PlatformApi.ReadAsync(await _a.PostAsJsonAsync("/api/llm/providers", Anthropic(name, serverA.Url, keyA)), HttpStatusCode.Created);
        Assert.Equal("tenant", added.GetProperty("scope").GetString());
        Assert.False(added.GetProperty("shared").GetBoolean());

        // B sees nothing of it: not in its providers, its models, nor the /v1 model list.
        Assert.DoesNotContain(await ProvidersAsync(_b), p => p.GetProperty("name").GetString() == name);
        Assert.DoesNotContain(name, await _b.GetStringAsync("/api/llm/models"), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await _b.GetStringAsync("/v1/models"), StringComparison.Ordinal);
        Assert.Contains(name, await _a.GetStringAsync("/v1/models"), StringComparison.Ordinal);

        // B cannot use it, switch to it, change it or delete it.
        await ExpectModelNotFoundAsync(await AskAsync(_b, $"{name}/claude-test"), name);
        await PlatformApi.ExpectProblemAsync(await _b.PostAsJsonAsync("/api/llm/provider/switch", new { provider = name }), HttpStatusCode.UnprocessableEntity, "provider");
        Assert.Equal(HttpStatusCode.NotFound, (await _b.PutAsJsonAsync($"/api/llm/providers/{name}", Anthropic(name, serverB.Url, keyB))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _b.DeleteAsync($"/api/llm/providers/{name}")).StatusCode);
        Assert.Empty(serverA.Requests);

        // B adding the same name makes a provider of its own; A's calls still go to A's endpoint with A's key.
        Assert.Equal(HttpStatusCode.Created, (await _b.PostAsJsonAsync("/api/llm/providers", Anthropic(name, serverB.Url, keyB))).StatusCode);
        await PlatformApi.ReadAsync(await AskAsync(_a, $"{name}/claude-test"), HttpStatusCode.OK);
        await PlatformApi.ReadAsync(await AskAsync(_b, $"{name}/claude-test"), HttpStatusCode.OK);
        Assert.Equal(new[] { keyA }, serverA.Requests.Select(r => r.ApiKey));
        Assert.Equal(new[] { keyB }, serverB.Requests.Select(r => r.ApiKey));

        // B deleting "its" provider deletes its own; A's is still there and still works, also over gRPC for A only.
        Assert.Equal(HttpStatusCode.NoContent, (await _b.DeleteAsync($"/api/llm/providers/{name}")).StatusCode);
        Assert.Contains(await ProvidersAsync(_a), p => p.GetProperty("name").GetString() == name);
        await PlatformApi.ReadAsync(await AskAsync(_a, $"{name}/claude-test"), HttpStatusCode.OK);
        using var channel = platform.SignedChannel(platform.ReadState()!.Resource("llm-integration").GrpcUrl!);
        var grpc = new LlmService.LlmServiceClient(channel);
        GenerateRequest Generate(string tenant) => new()
        {
            TenantId = tenant, Provider = name, Model = "claude-test", Cache = false,
            Messages = { new ChatMessage { Role = "user", Content = "How do clouds form?" } },
        };
        Assert.Equal("Clouds form when moist air cools.", (await grpc.GenerateAsync(Generate(ProviderTenants.TenantA))).Content);
        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () => await grpc.GenerateAsync(Generate(ProviderTenants.TenantB)));
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("provider", refused.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(3, serverA.Requests.Count);
        Assert.Single(serverB.Requests);
    }

    [Fact]
    public async Task The_default_provider_is_per_tenant_and_falls_back_when_its_provider_is_deleted()
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        var name = UniqueName("def");
        Assert.Equal(HttpStatusCode.Created, (await _a.PostAsJsonAsync("/api/llm/providers", Anthropic(name, server.Url, "sk-default"))).StatusCode);
        await PlatformApi.ReadAsync(await _a.PostAsJsonAsync("/api/llm/provider/switch", new { provider = name }), HttpStatusCode.OK);
        await PlatformApi.ReadAsync(await _b.PostAsJsonAsync("/api/llm/provider/switch", new { provider = "simulated", model = "simulated-0ms" }), HttpStatusCode.OK);

        Assert.Equal(name, await DefaultOf(_a));
        Assert.Equal("simulated", await DefaultOf(_b));
        // A's call without a provider goes to A's default; B's to B's.
        await PlatformApi.ReadAsync(await AskAsync(_a, "claude-test"), HttpStatusCode.OK);
        Assert.Single(server.Requests);
        await PlatformApi.ReadAsync(await AskAsync(_b, "simulated-0ms"), HttpStatusCode.OK);
        Assert.Single(server.Requests);

        await PlatformApi.ReadAsync(await _b.PostAsJsonAsync("/api/llm/provider/switch", new { provider = "local" }), HttpStatusCode.OK);
        Assert.Equal(name, await DefaultOf(_a));

        Assert.Equal(HttpStatusCode.NoContent, (await _a.DeleteAsync($"/api/llm/providers/{name}")).StatusCode);
        Assert.Equal("local", await DefaultOf(_a));
        Assert.Equal("local", await DefaultOf(_b));
    }

    [Fact]
    public async Task A_cached_completion_is_never_served_to_another_tenant()
    {
        var prompt = $"Describe a river. {Guid.NewGuid()}";
        object Seeded() => new { model = "local/local-ngram", messages = new[] { new { role = "user", content = prompt } }, temperature = 0.9, max_tokens = 20, seed = 11 };
        async Task<string> CacheOf(HttpClient client) => (await client.PostAsJsonAsync("/v1/chat/completions", Seeded())).Headers.GetValues("x-llmlab-cache").Single();

        Assert.Equal("miss", await CacheOf(_a));
        Assert.Equal("hit", await CacheOf(_a));
        Assert.Equal("miss", await CacheOf(_b));
        Assert.Equal("hit", await CacheOf(_b));
    }

    [Fact]
    public async Task A_shared_provider_is_usable_by_every_tenant_but_only_an_admin_changes_it_and_nobody_reads_its_key()
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        var name = UniqueName("shr");
        var sharedKey = $"sk-shared-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.Forbidden, (await _b.PostAsJsonAsync("/api/llm/providers", Anthropic(name, server.Url, sharedKey, shared: true))).StatusCode);
        var published = await _admin.PostAsJsonAsync("/api/llm/providers", Anthropic(name, server.Url, sharedKey, shared: true));
        var publishedText = await published.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.DoesNotContain(sharedKey, publishedText, StringComparison.Ordinal);

        foreach (var tenant in new[] { _a, _b })
        {
            var listed = await tenant.GetStringAsync("/api/llm/providers");
            Assert.DoesNotContain(sharedKey, listed, StringComparison.Ordinal);
            var entry = JsonDocument.Parse(listed).RootElement.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
            Assert.Equal("shared", entry.GetProperty("scope").GetString());
            Assert.True(entry.GetProperty("shared").GetBoolean());
            Assert.False(entry.GetProperty("editable").GetBoolean());
            Assert.True(entry.GetProperty("has_api_key").GetBoolean());
            await PlatformApi.ReadAsync(await AskAsync(tenant, $"{name}/claude-test"), HttpStatusCode.OK);
        }
        Assert.Equal(new[] { sharedKey, sharedKey }, server.Requests.Select(r => r.ApiKey));

        // A user can neither change nor delete it, nor hide it behind a provider of its own with the same name.
        Assert.Equal(HttpStatusCode.Forbidden, (await _b.PutAsJsonAsync($"/api/llm/providers/{name}", Anthropic(name, server.Url, "sk-mine"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _b.DeleteAsync($"/api/llm/providers/{name}")).StatusCode);
        await PlatformApi.ExpectProblemAsync(await _b.PostAsJsonAsync("/api/llm/providers", Anthropic(name, server.Url, "sk-mine")), HttpStatusCode.UnprocessableEntity, "name");

        // The admin changes it: the key stays while the endpoint does; a new endpoint needs the key again.
        await PlatformApi.ReadAsync(await _admin.PutAsJsonAsync($"/api/llm/providers/{name}", Anthropic(name, server.Url, null, model: "claude-next")), HttpStatusCode.OK);
        await PlatformApi.ReadAsync(await AskAsync(_b, $"{name}/claude-next"), HttpStatusCode.OK);
        Assert.Equal(sharedKey, server.Requests.Last().ApiKey);
        await PlatformApi.ExpectProblemAsync(await _admin.PutAsJsonAsync($"/api/llm/providers/{name}", Anthropic(name, "https://example.com", null, model: "claude-next")),
            HttpStatusCode.UnprocessableEntity, "api_key");

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.DeleteAsync($"/api/llm/providers/{name}")).StatusCode);
        await ExpectModelNotFoundAsync(await AskAsync(_b, $"{name}/claude-next"), name);
    }

    [Theory]
    [InlineData("http://127.0.0.2:{port}/v1")]
    [InlineData("http://[::1]:{port}/v1")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.1.2.3/v1")]
    [InlineData("http://0.0.0.0:{port}/v1")]
    [InlineData("ftp://example.com/v1")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:pass@example.com/v1")]
    public async Task A_provider_base_url_that_is_internal_or_not_http_is_refused_naming_base_url(string url)
    {
        // The platform allows 127.0.0.1 only (its test providers run there); any other loopback address is still refused.
        var name = UniqueName("ssrf");
        var body = Anthropic(name, url.Replace("{port}", AppHostProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), "sk-x");
        await PlatformApi.ExpectProblemAsync(await _a.PostAsJsonAsync("/api/llm/providers", body), HttpStatusCode.UnprocessableEntity, "base_url");
        Assert.DoesNotContain(await ProvidersAsync(_a), p => p.GetProperty("name").GetString() == name);
    }
}
