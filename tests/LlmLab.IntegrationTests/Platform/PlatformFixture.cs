using System.Text.Json;
using LlmLab.IntegrationTests.Otlp;
using LlmLab.TestKit;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>
/// The whole platform for the integration tests: the real AppHost with its own data folder, PostgreSQL, RabbitMQ and
/// Redis from the machine's binaries, every service, the gateway, and an OTLP receiver in the test host.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public const string ApiKey = "integration-test-key";
    /// <summary>Calls a batch worker runs at once in the tests.</summary>
    public const int WorkerConcurrency = 4;
    private AppHostProcess? _appHost;

    public OtlpReceiver Otlp { get; private set; } = null!;
    /// <summary>The OpenAI-compatible test server behind the fake-* providers (<see cref="FakeProviders"/>).</summary>
    public FakeOpenAiServer FakeOpenAi { get; private set; } = null!;
    public string GatewayUrl => _appHost!.GatewayUrl;

    public HttpClient CreateClient(string? apiKey = ApiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(GatewayUrl), Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public PlatformState? ReadState() => _appHost!.ReadState();

    /// <summary>Where the platform's servers keep data and the services write their logs.</summary>
    public string DataDirectory => _appHost!.DataDirectory;

    public async Task InitializeAsync()
    {
        Otlp = await OtlpReceiver.StartAsync(AppHostProcess.FreePort());
        FakeOpenAi = await FakeOpenAiServer.StartAsync(AppHostProcess.FreePort());
        _appHost = AppHostProcess.Start("platform", [
            $"--AppHost:DevApiKey={ApiKey}",
            $"--AppHost:OtlpEndpoint={Otlp.Endpoint}",
            "--AppHost:OtlpProtocol=http/protobuf",
            "--AppHost:ServiceEnvironment:OTEL_BSP_SCHEDULE_DELAY=200",
            "--AppHost:ServiceEnvironment:OTEL_METRIC_EXPORT_INTERVAL=60000",
            $"--AppHost:ServiceEnvironment:Batch__WorkerConcurrency={WorkerConcurrency}",
            .. FakeProviders.Configuration(FakeOpenAi).Select(setting => $"--AppHost:ServiceEnvironment:{setting}")]);
        await _appHost.WaitUntilRunningAsync(TimeSpan.FromMinutes(5));
    }

    public async Task DisposeAsync()
    {
        if (_appHost is not null) await _appHost.DisposeAsync();
        await Otlp.DisposeAsync();
        await FakeOpenAi.DisposeAsync();
    }
}

public sealed record PlatformState(string State, string GatewayUrl, string ApiKey, int AppHostPid, IReadOnlyList<ResourceState> Resources)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public ResourceState Resource(string name) => Resources.Single(r => r.Name == name);
}

public sealed record ResourceState(string Name, string Kind, string Url, int? Pid, string State, string? GrpcUrl = null);

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
