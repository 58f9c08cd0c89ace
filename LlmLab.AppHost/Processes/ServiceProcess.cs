using LlmLab.AppHost.Infrastructure;
using LlmLab.AppHost.Model;

namespace LlmLab.AppHost.Processes;

/// <summary>
/// One running process of a project resource (<paramref name="name"/>: "batch", or "batch-2" for a second replica):
/// started with its environment, restarted when it crashes, stopped on request.
/// </summary>
public sealed class ServiceProcess(ProjectResource resource, string name, Endpoints endpoints, string assemblyPath,
    IReadOnlyDictionary<string, string> environment, string logDirectory, ConsoleLog console, Action<string> log) : IDisposable
{
    private readonly ForegroundProcess _process = new(name, Path.Combine(logDirectory, $"{name}.log"), console.Append);
    private volatile bool _stopping;
    private int _restarts;

    public ProjectResource Resource => resource;
    /// <summary>The process's own name: the resource's for the first replica, then "-2", "-3", …</summary>
    public string Name => name;
    public ConsoleLog Console => console;
    public Endpoints Endpoints => endpoints;
    public int? ProcessId => _process.Id;
    public int Restarts => _restarts;
    public string State { get; private set; } = "starting";
    public event Action? Changed;

    public void Start()
    {
        _process.Exited += OnExited;
        Launch();
    }

    private void Launch()
    {
        _process.Start("dotnet", [assemblyPath], environment, Path.GetDirectoryName(assemblyPath));
        State = "starting";
        Changed?.Invoke();
    }

    /// <summary>From now on an exit is expected (the platform is stopping; a Ctrl+C reaches every child at once).</summary>
    public void BeginStopping() => _stopping = true;

    private void OnExited(int exitCode)
    {
        if (_stopping) return;
        State = "restarting";
        var restarts = Interlocked.Increment(ref _restarts);
        var delay = TimeSpan.FromMilliseconds(Math.Min(10_000, 500 * Math.Pow(2, Math.Min(restarts - 1, 5))));
        log($"{name} exited with code {exitCode}; restarting in {delay.TotalSeconds:0.#} s (restart #{restarts})");
        Changed?.Invoke();
        _ = Task.Delay(delay).ContinueWith(_ =>
        {
            if (_stopping) return;
            Launch();
            _ = WaitHealthyAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
        }, TaskScheduler.Default);
    }

    public async Task<bool> WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_stopping)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"{endpoints.HttpUrl}/health"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    State = "running";
                    Changed?.Invoke();
                    return true;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // not listening yet
            }
            await Task.Delay(300, cancellationToken);
        }
        if (!_stopping)
        {
            State = "unhealthy";
            Changed?.Invoke();
        }
        return false;
    }

    public async Task StopAsync()
    {
        _stopping = true;
        await _process.StopAsync(TimeSpan.FromSeconds(15));
        State = "stopped";
    }

    public void Dispose() => _process.Dispose();
}
