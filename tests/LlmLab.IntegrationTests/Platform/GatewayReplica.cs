using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>
/// One more gateway process beside the platform's: the same services, the same Redis and platform keys, its own port
/// and its own keys and settings, as a second replica behind a load balancer would be.
/// </summary>
public sealed class GatewayReplica : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public string Url { get; }

    private GatewayReplica(Process process, string url, string logFile)
    {
        _process = process;
        Url = url;
        LogFile = logFile;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static async Task<GatewayReplica> StartAsync(PlatformFixture platform, IReadOnlyDictionary<string, string> settings)
    {
        var url = $"http://127.0.0.1:{AppHostProcess.FreePort()}";
        var configuration = typeof(GatewayReplica).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var assembly = Path.Combine(AppHostProcess.RepoRoot, "gateway", "LlmLab.Gateway", "bin", configuration, "net10.0", "LlmLab.Gateway.dll");
        var info = new ProcessStartInfo("dotnet", [assembly])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        // A replica is configured exactly as the AppHost configured the running gateway (keys, secrets, routes,
        // service addresses), on a port of its own.
        foreach (var (key, value) in new PlatformStores(platform).EnvironmentOf("gateway")) info.Environment[key] = value;
        info.Environment["ASPNETCORE_URLS"] = url;
        foreach (var (key, value) in settings) info.Environment[key] = value;

        var replica = new GatewayReplica(Process.Start(info)!, url, Path.Combine(Path.GetDirectoryName(platform.DataDirectory)!, $"gateway-replica-{new Uri(url).Port}.log"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            if (replica._process.HasExited) throw new InvalidOperationException($"The gateway replica exited:\n{replica.Output}");
            try
            {
                if ((await http.GetAsync($"{url}/health")).IsSuccessStatusCode) return replica;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The gateway replica did not start:\n{replica.Output}");
            await Task.Delay(300);
        }
    }

    /// <summary>The replica's output, beside the platform's apphost.log.</summary>
    public string LogFile { get; }

    private void Record(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
            File.AppendAllText(LogFile, line + Environment.NewLine);
        }
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public HttpClient CreateClient(string apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
