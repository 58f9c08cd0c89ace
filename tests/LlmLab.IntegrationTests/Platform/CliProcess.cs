using System.Diagnostics;
using System.Reflection;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>Runs the built <c>llmlab</c> CLI as a process, as CI does: gateway URL and key in the environment, its own config folder.</summary>
public sealed class CliProcess(string gatewayUrl, string? apiKey) : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("llmlab-cli-it-").FullName;
    public string SettingsPath => Path.Combine(Directory, "config", "llmlab", "config.yaml");

    public static string Dll
    {
        get
        {
            var configuration = typeof(CliProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Path.Combine(AppHostProcess.RepoRoot, "tools", "LlmLab.Cli", "bin", configuration, "net10.0", "llmlab.dll");
        }
    }

    public async Task<(int Exit, string Out, string Err)> RunAsync(string? stdin, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = AppHostProcess.RepoRoot,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["XDG_CONFIG_HOME"] = Path.Combine(Directory, "config");
        info.Environment.Remove("LLMLAB_URL");
        info.Environment.Remove("LLMLAB_API_KEY");
        if (apiKey is not null)
        {
            info.Environment["LLMLAB_URL"] = gatewayUrl;
            info.Environment["LLMLAB_API_KEY"] = apiKey;
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"llmlab {string.Join(' ', args)} did not exit in 6 minutes: {await error}");
        }
        return (process.ExitCode, await output, await error);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
