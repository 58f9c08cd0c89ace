using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>The real AppHost, launched from its build output as a separate process with its own data folder.</summary>
public sealed class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StreamWriter _log;

    public string RunDirectory { get; }
    public string DataDirectory => Path.Combine(RunDirectory, "data");
    public string StateFile => Path.Combine(RunDirectory, "apphost.json");
    public string LogFile => Path.Combine(RunDirectory, "apphost.log");
    public string GatewayUrl { get; }
    public Process Process => _process;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private AppHostProcess(string runDirectory, string gatewayUrl, IEnumerable<string> arguments)
    {
        RunDirectory = runDirectory;
        GatewayUrl = gatewayUrl;
        Directory.CreateDirectory(runDirectory);
        _log = new StreamWriter(LogFile, append: true) { AutoFlush = true };
        var configuration = typeof(AppHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepoRoot };
        info.ArgumentList.Add(Path.Combine(RepoRoot, "LlmLab.AppHost", "bin", configuration, "net10.0", "LlmLab.AppHost.dll"));
        foreach (var argument in arguments.Concat([$"--AppHost:GatewayUrl={gatewayUrl}", $"--AppHost:DataDirectory={DataDirectory}", $"--AppHost:StateFile={StateFile}"]))
        {
            info.ArgumentList.Add(argument);
        }
        _process = Process.Start(info) ?? throw new InvalidOperationException("AppHost did not start");
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static AppHostProcess Start(string label, params string[] arguments) =>
        new(Path.Combine(RepoRoot, ".llmlab", "test-runs", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{label}"),
            $"http://127.0.0.1:{FreePort()}", arguments);

    /// <summary>Starts the AppHost again on the data folder and state file of one that has stopped: the same platform, restarted.</summary>
    public static AppHostProcess StartAgain(AppHostProcess stopped, params string[] arguments) =>
        new(stopped.RunDirectory, $"http://127.0.0.1:{FreePort()}", arguments);

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

    public async Task WaitUntilRunningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (ReadState()?.State != "running")
        {
            if (_process.HasExited) throw new InvalidOperationException($"AppHost exited with {_process.ExitCode}:\n{Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The platform did not start in {timeout}:\n{Output}");
            await Task.Delay(500);
        }
    }

    /// <summary>Sends SIGTERM, as Ctrl+C or a service manager would, and waits for the AppHost to exit.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
        }
        return await WaitForExitAsync(timeout);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"AppHost did not exit in {timeout}:\n{Output}");
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await StopAsync(TimeSpan.FromSeconds(90));
            }
            catch (TimeoutException)
            {
                // killed above
            }
        }
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.AppendLine(line);
            _log.WriteLine(line);
        }
    }

    public static int FreePort() => LlmLab.AppHost.Infrastructure.Ports.Free();

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LlmLab.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("LlmLab.sln not found above the test output folder.");
    }
}
