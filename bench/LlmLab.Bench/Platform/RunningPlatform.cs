using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;

namespace LlmLab.Bench.Platform;

/// <summary>The real AppHost (Release build) on a fresh data folder, with the gateway client and the PostgreSQL address.</summary>
public sealed class RunningPlatform : IAsyncDisposable
{
    public const string ApiKey = "bench-key";
    public const string Tenant = "dev";
    private readonly Process _process;

    public HttpClient Client { get; }
    public string PostgresConnectionString { get; }
    public string DataDirectory { get; }
    public int AppHostPid => _process.Id;

    private RunningPlatform(Process process, HttpClient client, string postgres, string dataDirectory)
    {
        _process = process;
        Client = client;
        PostgresConnectionString = postgres;
        DataDirectory = dataDirectory;
    }

    /// <param name="serviceEnvironment">KEY=VALUE variables for every service.</param>
    /// <param name="appHostSettings">KEY=VALUE settings of the AppHost's own (Dashboard:Enabled=false…).</param>
    public static async Task<RunningPlatform> StartAsync(IEnumerable<string>? serviceEnvironment = null, IEnumerable<string>? appHostSettings = null)
    {
        var root = RepoRoot();
        var run = Path.Combine(root, ".llmlab", "bench", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
        var stateFile = Path.Combine(run, "apphost.json");
        var gateway = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        info.ArgumentList.Add(Path.Combine(root, "LlmLab.AppHost", "bin", "Release", "net10.0", "LlmLab.AppHost.dll"));
        foreach (var argument in new[] { $"--AppHost:GatewayUrl={gateway}", $"--AppHost:DataDirectory={Path.Combine(run, "data")}", $"--AppHost:StateFile={stateFile}",
            $"--AppHost:DevApiKey={ApiKey}", "--AppHost:ServiceEnvironment:Logging__LogLevel__Default=Warning" }
            .Concat((serviceEnvironment ?? []).Select(e => $"--AppHost:ServiceEnvironment:{e}")).Concat((appHostSettings ?? []).Select(s => $"--AppHost:{s}")))
            info.ArgumentList.Add(argument);
        var process = Process.Start(info)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddMinutes(5);
        JsonElement state = default;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The AppHost exited with {process.ExitCode}:\n{string.Join('\n', output)}");
            if (File.Exists(stateFile))
            {
                try
                {
                    state = JsonDocument.Parse(await File.ReadAllTextAsync(stateFile)).RootElement.Clone();
                    if (state.GetProperty("state").GetString() == "running") break;
                }
                catch (JsonException)
                {
                    // written while we read; read again
                }
            }
            await Task.Delay(500);
        }
        var postgres = state.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "postgres").GetProperty("url").GetString()!;
        var port = new Uri(postgres).Port;
        var client = new HttpClient { BaseAddress = new Uri(gateway), Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        // "running" means every process was started; on a busy machine some are still warming up, so wait for health.
        await WaitHealthyAsync(client, DateTime.UtcNow.AddMinutes(5));
        // The AppHost generated the folder's PostgreSQL password into secrets.json (owner-only); the bench reads it there.
        var password = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run, "data", "secrets.json"))).RootElement.GetProperty("postgres_password").GetString();
        return new RunningPlatform(process, client, $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Command Timeout=600", run);
    }

    public static async Task WaitHealthyAsync(HttpClient client, DateTime deadline)
    {
        while (true)
        {
            try
            {
                using var health = await client.GetAsync("/api/health");
                if (health.IsSuccessStatusCode) return;
                if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"The platform is not healthy: {await health.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // the gateway is not listening yet
            }
            await Task.Delay(1000);
        }
    }

    public string Database(string name) => $"{PostgresConnectionString};Database={name}";

    /// <summary>The platform's secret that signs the caller identity the gateway passes to services (secrets.json).</summary>
    public string InternalTokenKey() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "data", "secrets.json"))).RootElement.GetProperty("internal_token_key").GetString()!;

    /// <summary>A service's own HTTP address (its first replica's), from the AppHost's state file.</summary>
    public Uri ServiceUrl(string service)
    {
        var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "apphost.json"))).RootElement;
        return new Uri(state.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == service).GetProperty("url").GetString()!);
    }

    /// <summary>Each resource the AppHost runs, with its process id.</summary>
    public List<(string Name, int Pid)> Resources()
    {
        var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "apphost.json"))).RootElement;
        return state.GetProperty("resources").EnumerateArray()
            .Where(r => r.TryGetProperty("pid", out var pid) && pid.ValueKind == JsonValueKind.Number)
            .Select(r => (r.GetProperty("name").GetString()!, r.GetProperty("pid").GetInt32())).ToList();
    }

    /// <summary>The resident memory of a service process, from /proc, in MiB.</summary>
    public double ResidentMiB(string service)
    {
        var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(DataDirectory, "apphost.json"))).RootElement;
        var pid = state.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == service).GetProperty("pid").GetInt32();
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await term.WaitForExitAsync();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        _process.Dispose();
    }

    public static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LlmLab.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("LlmLab.sln not found above the bench.");
    }

    public static int FreePort() => LlmLab.AppHost.Infrastructure.Ports.Free();
}
