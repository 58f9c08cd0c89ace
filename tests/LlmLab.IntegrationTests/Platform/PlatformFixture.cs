using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using LlmLab.IntegrationTests.Otlp;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>
/// The whole platform for the integration tests: the real AppHost, started as its own process with its own data folder,
/// PostgreSQL, RabbitMQ and Redis from the machine's binaries, every service, the gateway, and an OTLP receiver.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public const string ApiKey = "integration-test-key";
    private Process? _appHost;
    private string _runDirectory = "";

    public OtlpReceiver Otlp { get; private set; } = null!;
    public string GatewayUrl { get; private set; } = "";
    public string StateFile => Path.Combine(_runDirectory, "apphost.json");
    public string AppHostLog => Path.Combine(_runDirectory, "apphost.log");

    public HttpClient CreateClient(string? apiKey = ApiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(GatewayUrl), Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public async Task InitializeAsync()
    {
        var root = RepoRoot();
        _runDirectory = Path.Combine(root, ".llmlab", "test-runs", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss") + "-" + Environment.ProcessId);
        Directory.CreateDirectory(_runDirectory);
        Otlp = await OtlpReceiver.StartAsync(FreePort());
        GatewayUrl = $"http://127.0.0.1:{FreePort()}";

        var configuration = typeof(PlatformFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var appHost = Path.Combine(root, "LlmLab.AppHost", "bin", configuration, "net10.0", "LlmLab.AppHost.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var argument in new[]
        {
            appHost,
            $"--AppHost:GatewayUrl={GatewayUrl}",
            $"--AppHost:DevApiKey={ApiKey}",
            $"--AppHost:DataDirectory={Path.Combine(_runDirectory, "data")}",
            $"--AppHost:StateFile={StateFile}",
            $"--AppHost:OtlpEndpoint={Otlp.Endpoint}",
            "--AppHost:OtlpProtocol=http/protobuf",
            "--AppHost:ServiceEnvironment:OTEL_BSP_SCHEDULE_DELAY=200",
            "--AppHost:ServiceEnvironment:OTEL_METRIC_EXPORT_INTERVAL=60000",
            // The simulated provider is slow on purpose, so a test can kill a worker while calls are in flight.
            "--AppHost:ServiceEnvironment:Llm__Simulated__LatencyMs=1500",
            "--AppHost:ServiceEnvironment:Batch__WorkerConcurrency=4",
        })
        {
            info.ArgumentList.Add(argument);
        }
        _appHost = Process.Start(info) ?? throw new InvalidOperationException("AppHost did not start");
        var log = new StreamWriter(AppHostLog) { AutoFlush = true };
        _appHost.OutputDataReceived += (_, e) => { lock (log) if (e.Data is not null) log.WriteLine(e.Data); };
        _appHost.ErrorDataReceived += (_, e) => { lock (log) if (e.Data is not null) log.WriteLine(e.Data); };
        _appHost.BeginOutputReadLine();
        _appHost.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (ReadState()?.State != "running")
        {
            if (_appHost.HasExited) throw new InvalidOperationException($"AppHost exited with {_appHost.ExitCode}; see {AppHostLog}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The platform did not start in 5 minutes; see {AppHostLog}");
            await Task.Delay(500);
        }
    }

    public PlatformState? ReadState()
    {
        try
        {
            return File.Exists(StateFile) ? JsonSerializer.Deserialize<PlatformState>(File.ReadAllText(StateFile), PlatformState.Json) : null;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return null;
        }
    }

    public async Task DisposeAsync()
    {
        if (_appHost is { HasExited: false })
        {
            Process.Start("kill", ["-TERM", _appHost.Id.ToString()])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await _appHost.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _appHost.Kill(entireProcessTree: true);
            }
        }
        await Otlp.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LlmLab.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("LlmLab.sln not found above the test output folder.");
    }
}

public sealed record PlatformState(string State, string GatewayUrl, string ApiKey, int AppHostPid, IReadOnlyList<ResourceState> Resources)
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public ResourceState Resource(string name) => Resources.Single(r => r.Name == name);
}

public sealed record ResourceState(string Name, string Kind, string Url, int? Pid, string State);

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
