using System.Text.Json;
using Grpc.Net.Client;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;
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
    /// <summary>A key of a tenant of its own, for tests that change tenant-wide settings (budgets).</summary>
    public const string BudgetTenantApiKey = "integration-test-key-budget-tenant";
    /// <summary>The platform secret the AppHost generated for the data folder, so tests can speak to a service port as a service would.</summary>
    public string InternalTokenKey => PlatformSecretsFile.Read(DataDirectory).InternalTokenKey;

    /// <summary>A key of its own tenant for the hostile-input suite (a high index, so other keys can be added before it).</summary>
    public const string HostileApiKey = "hostile-input-test-key";
    public const string HostileTenant = "hostile-input";
    /// <summary>Two tenants of their own for the evaluation tests (datasets and evaluations are per tenant).</summary>
    public const string EvaluationApiKey = "evaluation-test-key-a";
    public const string EvaluationOtherApiKey = "evaluation-test-key-b";

    /// <summary>A tenant of its own for the alert tests: alerts and webhook deliveries of other tests' runs never reach it.</summary>
    public const string AlertsApiKey = "alerts-test-key";
    /// <summary>A tenant of its own for the response cache's bound (<see cref="CacheBound"/> entries).</summary>
    public const string CacheBoundApiKey = "cache-bound-test-key";
    public const string CacheBoundTenant = "cache-bound";
    public const int CacheBound = 300;
    /// <summary>A tenant of its own whose cache index a test breaks, so no other test sees its cache fail.</summary>
    public const string CacheFaultApiKey = "cache-fault-test-key";
    public const string CacheFaultTenant = "cache-fault";
    /// <summary>The latency objective analytics alerts on here: over the built-in engine's answers, under AlertTests' slow provider.</summary>
    public const int AlertsLatencyObjectiveMs = 2_000;

    /// <summary>Keys of two tenants of their own for the knowledge-base tests (what one uploads the other must not see).</summary>
    public const string KnowledgeApiKey = "knowledge-test-key";
    public const string KnowledgeOtherApiKey = "knowledge-other-test-key";

    /// <summary>The gateway accepts JWTs of this issuer and audience signed with this HS256 secret (tests sign their own).</summary>
    public const string JwtIssuer = "https://issuer.llmlab.test";
    public const string JwtAudience = "llmlab-gateway";
    public static readonly string JwtSecret = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("integration-test-jwt-secret-of-at-least-256-bits!"));
    /// <summary>Calls a batch worker runs at once in the tests.</summary>
    public const int WorkerConcurrency = 4;
    private AppHostProcess? _appHost;

    /// <summary>The tenant the AppHost gives its development key.</summary>
    public string TenantOfApiKey => "dev";

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

    /// <summary>A gRPC channel straight to a service's port, signed as a platform service acting for no tenant.</summary>
    public GrpcChannel SignedChannel(string grpcUrl) => GrpcChannel.ForAddress(grpcUrl, new GrpcChannelOptions
    {
        HttpHandler = SigningHandler.For(InternalTokenKey, new CallerIdentity("", "service:tests", InternalTokens.ServiceRole)),
    });

    public PlatformState? ReadState() => _appHost!.ReadState();

    /// <summary>Where the platform's servers keep data and the services write their logs.</summary>
    public string DataDirectory => _appHost!.DataDirectory;

    public async Task InitializeAsync()
    {
        Otlp = await OtlpReceiver.StartAsync(AppHostProcess.FreePort());
        FakeOpenAi = await FakeOpenAiServer.StartAsync(AppHostProcess.FreePort());
        _appHost = AppHostProcess.Start("platform",
        [
            $"--AppHost:DevApiKey={ApiKey}",
            $"--AppHost:OtlpEndpoint={Otlp.Endpoint}",
            "--AppHost:OtlpProtocol=http/protobuf",
            "--AppHost:ServiceEnvironment:OTEL_BSP_SCHEDULE_DELAY=200",
            "--AppHost:ServiceEnvironment:OTEL_METRIC_EXPORT_INTERVAL=60000",
            $"--AppHost:ServiceEnvironment:Batch__WorkerConcurrency={WorkerConcurrency}",
            $"--AppHost:ServiceEnvironment:Alerts__LatencyP95Ms={AlertsLatencyObjectiveMs}",
            $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__1__Key={BudgetTenantApiKey}",
            "--AppHost:ServiceEnvironment:Gateway__ApiKeys__1__Tenant=budget-tenant",
            $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__30__Key={HostileApiKey}",
            $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__30__Tenant={HostileTenant}",
            $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__31__Key={EvaluationApiKey}",
            "--AppHost:ServiceEnvironment:Gateway__ApiKeys__31__Tenant=evaluation-a",
            $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__32__Key={EvaluationOtherApiKey}",
            "--AppHost:ServiceEnvironment:Gateway__ApiKeys__32__Tenant=evaluation-b",
            $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__33__Key={KnowledgeApiKey}",
            "--AppHost:ServiceEnvironment:Gateway__ApiKeys__33__Tenant=knowledge-a",
            $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__34__Key={KnowledgeOtherApiKey}",
            "--AppHost:ServiceEnvironment:Gateway__ApiKeys__34__Tenant=knowledge-b",
            $"--AppHost:ServiceEnvironment:Gateway__Jwt__Issuer={JwtIssuer}",
            $"--AppHost:ServiceEnvironment:Gateway__Jwt__Audience={JwtAudience}",
            $"--AppHost:ServiceEnvironment:Gateway__Jwt__SymmetricKeys__0={JwtSecret}",
            $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__35__Key={AlertsApiKey}",
            "--AppHost:ServiceEnvironment:Gateway__ApiKeys__35__Tenant=alerts",
            $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__36__Key={CacheBoundApiKey}",
            $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__36__Tenant={CacheBoundTenant}",
            $"--AppHost:ServiceEnvironment:Llm__CacheMaxEntriesPerTenant={CacheBound}",
            $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__37__Key={CacheFaultApiKey}",
            $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__37__Tenant={CacheFaultTenant}",
            // The webhook receivers of the alert tests listen on loopback.
            "--AppHost:ServiceEnvironment:Webhooks__Outbound__AllowedNetworks__0=127.0.0.1/32",
            .. ProviderTenants.AppHostArguments(),
            .. DataRightsTenants.AppHostArguments(),
            .. RollupTenant.AppHostArguments(),
            .. CliTenant.AppHostArguments(),
            .. FakeProviders.Configuration(FakeOpenAi).Select(setting => $"--AppHost:ServiceEnvironment:{setting}"),
        ]);
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
