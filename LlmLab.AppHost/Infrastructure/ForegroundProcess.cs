using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LlmLab.AppHost.Infrastructure;

/// <summary>A child process the AppHost owns: output to a log file, SIGTERM then SIGKILL to stop it.</summary>
public sealed class ForegroundProcess(string name, string logFile, Action<string>? onLine = null) : IDisposable
{
    private Process? _process;
    private StreamWriter? _log;

    private volatile bool _running;

    public int? Id { get; private set; }
    public bool IsRunning => _running;
    public event Action<int>? Exited;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
    private const int SigTerm = 15;

    public void Start(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        _log?.Dispose();
        _log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        Write(_log, $"--- {name} starting at {DateTimeOffset.Now:O}");

        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var log = _log;
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Exited += (_, _) =>
        {
            _running = false;
            Exited?.Invoke(SafeExitCode(process));
        };
        process.Start();
        Id = process.Id;
        _running = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Asks the process to stop (SIGTERM) and kills it and its children if it has not within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        var process = _process;
        if (process is null || !_running) return;
        if (kill(process.Id, SigTerm) != 0)
        {
            process.Kill(entireProcessTree: true);
        }
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        if (_running) _process?.Kill(entireProcessTree: true);
        _process?.Dispose();
        _log?.Dispose();
    }

    private void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        onLine?.Invoke(line);
        lock (log)
        {
            try { log.WriteLine(line); } catch (ObjectDisposedException) { }
        }
    }

    private static int SafeExitCode(Process process)
    {
        try { return process.ExitCode; } catch (InvalidOperationException) { return -1; }
    }
}
