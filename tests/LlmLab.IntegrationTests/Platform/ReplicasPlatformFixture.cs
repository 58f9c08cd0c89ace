using System.Text.Json;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>
/// A second platform, started as an operator would run it: `--replicas batch=2,knowledge=2` and no OTLP collector
/// configured, so every process exports to the AppHost's own receiver and the operators' dashboard shows it all.
/// </summary>
public sealed class ReplicasPlatformFixture : IAsyncLifetime
{
    public const string ApiKey = "replicas-test-key";
    private AppHostProcess? _appHost;

    public AppHostProcess AppHost => _appHost!;

    /// <summary>The tenant the AppHost gives its development key.</summary>
    public string TenantOfApiKey => "dev";

    /// <summary>The platform secret, so tests can speak to a service port as the gateway would.</summary>
    public string InternalTokenKey => PlatformSecretsFile.Read(AppHost.DataDirectory).InternalTokenKey;
    public Uri DashboardUrl { get; private set; } = null!;

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(AppHost.GatewayUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public HttpClient CreateDashboardClient() => new() { BaseAddress = DashboardUrl, Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        _appHost = AppHostProcess.Start("replicas",
            "--replicas", "batch=2,knowledge=2",
            $"--AppHost:DevApiKey={ApiKey}",
            $"--AppHost:Dashboard:Url=http://127.0.0.1:{AppHostProcess.FreePort()}",
            "--AppHost:ServiceEnvironment:OTEL_BSP_SCHEDULE_DELAY=200",
            $"--AppHost:ServiceEnvironment:Batch__WorkerConcurrency={PlatformFixture.WorkerConcurrency}");
        await _appHost.WaitUntilRunningAsync(TimeSpan.FromMinutes(5));
        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(_appHost.StateFile));
        DashboardUrl = new Uri(state.RootElement.GetProperty("dashboard_url").GetString()
            ?? throw new InvalidOperationException("The state file names no dashboard."));
    }

    public async Task DisposeAsync()
    {
        if (_appHost is not null) await _appHost.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ReplicasPlatformCollection : ICollectionFixture<ReplicasPlatformFixture>
{
    public const string Name = "replicas platform";
}
