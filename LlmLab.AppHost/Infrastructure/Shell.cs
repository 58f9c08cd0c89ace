using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace LlmLab.AppHost.Infrastructure;

/// <summary>Runs short commands (initdb, pg_ctl, runuser) and reports their output when they fail.</summary>
public static class Shell
{
    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    public static bool IsRoot => OperatingSystem.IsLinux() && geteuid() == 0;

    public static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command))
            .FirstOrDefault(File.Exists);

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', info.ArgumentList)} did not finish in time.");
        }
        lock (output) return (process.ExitCode, output.ToString());
    }

    public static async Task RunCheckedAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var args = arguments.ToList();
        var (code, output) = await RunAsync(file, args, environment, timeout, cancellationToken);
        if (code != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed with exit code {code}:\n{output}");
    }
}
