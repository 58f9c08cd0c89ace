using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using LlmLab.Contracts.Llm;
using LlmLab.IntegrationTests.Platform;
using LlmLab.ServiceKit.Secrets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace LlmLab.IntegrationTests;

/// <summary>
/// A canary provider key (a unique random string) is used every way a key is used — added, listed, called over /v1,
/// over gRPC, by a batch run, against an endpoint that does not answer — and then looked for
/// everywhere it must not be: API answers, service log files, spans and logs sent over OTLP, every Redis value, a
/// pg_dump of every database. The Redis contents alone do not decrypt it; with the key-encryption key they do.
/// </summary>
[Collection(PlatformCollection.Name)]
public class SecretCanaryTests(PlatformFixture platform)
{
    // Names Data Protection is configured with in llm-integration (Extensions/LlmIntegrationServices.cs, Domain/RuntimeProviderStore.cs).
    private const string Application = "llmlab-llm-integration";
    private const string KeyRing = "llmlab:dataprotection-keys";

    private readonly HttpClient _client = platform.CreateClient(ProviderTenants.CanaryKey);
    private readonly List<string> _answers = [];

    private async Task<HttpResponseMessage> RecordAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        lock (_answers) _answers.Add($"{(int)response.StatusCode} {string.Join(";", response.Headers.Select(h => $"{h.Key}={string.Join(",", h.Value)}"))} {text}");
        return response;
    }

    [Fact]
    public async Task A_provider_key_never_appears_in_answers_logs_traces_redis_or_database_dumps_and_redis_alone_cannot_decrypt_it()
    {
        var canary = $"sk-canary-{Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant()}";
        platform.Otlp.Watch(canary);
        var logPayloadsBefore = platform.Otlp.LogPayloads;
        var started = DateTime.UtcNow;
        await using var upstream = await FakeAnthropicServer.StartAsync();
        var name = $"canary-{Guid.NewGuid():N}"[..20];
        var deadName = $"dead-{Guid.NewGuid():N}"[..20];

        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(_client.PostAsJsonAsync("/api/llm/providers",
            new { name, kind = "anthropic", base_url = upstream.Url, api_key = canary, models = new[] { new { name = "claude-test" } } }))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(_client.PostAsJsonAsync("/api/llm/providers",
            new { name = deadName, kind = "openai", base_url = $"http://127.0.0.1:{AppHostProcess.FreePort()}/v1", api_key = canary, models = new[] { new { name = "m" } } }))).StatusCode);
        await RecordAsync(_client.GetAsync("/api/llm/providers"));
        await RecordAsync(_client.GetAsync("/api/llm/models"));
        await RecordAsync(_client.GetAsync("/v1/models"));
        await RecordAsync(_client.PostAsJsonAsync("/api/llm/provider/switch", new { provider = name }));
        await RecordAsync(_client.GetAsync("/api/llm/provider"));
        Assert.Equal(HttpStatusCode.OK, (await RecordAsync(_client.PostAsJsonAsync("/v1/chat/completions",
            new { model = $"{name}/claude-test", messages = new[] { new { role = "user", content = "How do clouds form?" } }, max_tokens = 30 }))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await RecordAsync(_client.PostAsJsonAsync("/v1/chat/completions",
            new { model = $"{deadName}/m", messages = new[] { new { role = "user", content = "Anyone there?" } }, max_tokens = 5 }))).StatusCode);
        await RecordAsync(_client.PutAsJsonAsync($"/api/llm/providers/{deadName}",
            new { kind = "openai", base_url = "http://127.0.0.2:1/v1", api_key = canary, models = new[] { new { name = "m" } } }));

        using var channel = platform.SignedChannel(platform.ReadState()!.Resource("llm-integration").GrpcUrl!);
        var reply = await new LlmService.LlmServiceClient(channel).GenerateAsync(new GenerateRequest
        {
            TenantId = ProviderTenants.CanaryTenant, Provider = name, Model = "claude-test", Cache = false,
            Messages = { new ChatMessage { Role = "user", Content = "How do clouds form?" } },
        });
        Assert.DoesNotContain(canary, reply.ToString(), StringComparison.Ordinal);

        var api = new PlatformApi(_client);
        var experiment = await api.CreateExperimentAsync(new
        {
            name = "canary", prompt = "How do clouds form?", provider = name, model = "claude-test",
            temperature_min = 0.5, temperature_max = 0.5, temperature_step = 0.1, top_p_min = 1.0, top_p_max = 1.0, top_p_step = 0.1,
            max_tokens = 30, response_count = 2,
        });
        var run = await api.GenerateAsync(experiment);
        Assert.Equal("completed", (await api.WaitForRunAsync(run, TimeSpan.FromMinutes(2))).GetProperty("status").GetString());
        await RecordAsync(_client.GetAsync($"/api/responses/{experiment}?run_id={run}"));
        await RecordAsync(_client.GetAsync($"/api/export/{experiment}"));

        // The key did its job: every call reached the provider with it.
        Assert.True(upstream.Requests.Count >= 3, $"{upstream.Requests.Count} calls reached the provider");
        Assert.All(upstream.Requests, r => Assert.Equal(canary, r.ApiKey));

        // Exporters batch (spans every 200 ms here, logs every second): wait for what this test caused to arrive.
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.All(_answers, answer => Assert.DoesNotContain(canary, answer, StringComparison.Ordinal));

        var logs = Directory.GetFiles(Path.Combine(platform.DataDirectory, "logs"), "*", SearchOption.AllDirectories);
        Assert.Contains(logs, l => Path.GetFileName(l) == "llm-integration.log" && new FileInfo(l).Length > 0);
        Assert.All(logs, log => Assert.False(File.ReadAllText(log).Contains(canary, StringComparison.Ordinal), $"the canary is in {log}"));

        Assert.Equal(0, platform.Otlp.Sightings(canary));
        Assert.True(platform.Otlp.LogPayloads > logPayloadsBefore, "no OTLP logs arrived while the test ran");
        Assert.Contains(platform.Otlp.Spans, s => s.Service == "llm-integration");

        var stores = new PlatformStores(platform);
        var dumps = await stores.DumpDatabasesAsync();
        Assert.All(dumps, dump => Assert.False(dump.Value.Contains(canary, StringComparison.Ordinal), $"the canary is in the dump of {dump.Key}"));
        // The dumps hold the run's data: the provider's answers are there, its key is not.
        Assert.Contains(dumps.Values, dump => dump.Contains("Clouds form when moist air cools.", StringComparison.Ordinal));

        await using var redis = await stores.ConnectRedisAsync();
        var values = await PlatformStores.DumpRedisAsync(redis);
        Assert.All(values, entry => Assert.False(entry.Value.Contains(canary, StringComparison.Ordinal), $"the canary is in Redis key {entry.Key}"));
        var ring = await redis.GetDatabase().ListRangeAsync(KeyRing);
        Assert.NotEmpty(ring);
        Assert.All(ring, key => Assert.Contains("wrappedKey", key.ToString(), StringComparison.Ordinal));
        Assert.All(ring, key => Assert.DoesNotContain("<value>", key.ToString(), StringComparison.Ordinal));

        // An attacker with every Redis value (and this code) but not the key-encryption key cannot decrypt the key ...
        var stored = JsonDocument.Parse((await redis.GetDatabase().HashGetAsync($"llmlab:tenant:{ProviderTenants.CanaryTenant}:providers", name)).ToString());
        var encrypted = stored.RootElement.GetProperty("EncryptedKey").GetString()!;
        var withoutKek = Protector(redis, kek: null);
        Assert.ThrowsAny<CryptographicException>(() => withoutKek.Unprotect(encrypted));
        // ... which with the key-encryption key the services were given, it does.
        var kek = stores.EnvironmentOf("llm-integration")["Security__KeyEncryptionKey"];
        Assert.Equal(canary, Protector(redis, kek).Unprotect(encrypted));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(4));
    }

    private static IDataProtector Protector(ConnectionMultiplexer redis, string? kek)
    {
        var services = new ServiceCollection();
        var builder = services.AddDataProtection().SetApplicationName(Application).PersistKeysToStackExchangeRedis(redis, KeyRing)
            // Read only: never add a key of this test host to the platform's key ring.
            .DisableAutomaticKeyGeneration();
        if (kek is not null)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [KeyEncryptionKeys.KeySetting] = kek }).Build();
            builder.ProtectKeysWithKeyEncryptionKey(configuration, new TestEnvironment());
        }
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("LlmLab.ProviderKeys").CreateProtector($"tenant:{ProviderTenants.CanaryTenant}");
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = Application;
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
