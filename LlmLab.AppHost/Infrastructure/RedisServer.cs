using LlmLab.AppHost.Security;

namespace LlmLab.AppHost.Infrastructure;

/// <summary>
/// redis-server on a free loopback port with its data (append-only file) in the data folder. The password is in a
/// configuration file (mode 0600) rather than on the command line, where any local user could read it.
/// </summary>
public sealed class RedisServer(string dataRoot, string logDirectory, string configuredBinary, string password) : IInfrastructureServer, IDisposable
{
    private readonly ForegroundProcess _process = new("redis", Path.Combine(logDirectory, "redis.log"));
    private int _port;
    private string _binary = "";
    private string _directory = "";

    public string Name => "redis";
    public string ConnectionString => $"127.0.0.1:{_port},password={password}";
    public string Url => $"tcp://127.0.0.1:{_port}";
    public int? ProcessId => _process.Id;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var binary = configuredBinary.Length > 0
            ? (File.Exists(configuredBinary) ? configuredBinary : null)
            : Shell.Which("redis-server") ?? (File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : null);
        _ = binary ?? throw new MissingBinaryException("Redis (redis-server)", "apt-get install -y redis-server");
        var directory = Path.Combine(dataRoot, "redis");
        Directory.CreateDirectory(directory);
        _port = Ports.Free();
        _binary = binary!;
        _directory = directory;
        PrivateFile.Write(ConfigFile, $"requirepass {password}\n");
        await LaunchAsync(cancellationToken);
    }

    private string ConfigFile => Path.Combine(_directory, "llmlab-redis.conf");

    public bool IsAlive => _process.IsRunning;

    public Task RestartAsync(CancellationToken cancellationToken) => LaunchAsync(cancellationToken);

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var (binary, directory) = (_binary, _directory);
        _process.Start(binary, [ConfigFile, "--port", _port.ToString(), "--bind", "127.0.0.1", "--dir", directory, "--appendonly", "yes",
            "--save", "", "--daemonize", "no", "--protected-mode", "yes"], new Dictionary<string, string>());
        if (!await Ports.WaitForListenerAsync(_port, TimeSpan.FromSeconds(20), cancellationToken, () => _process.IsRunning))
            throw new InvalidOperationException($"redis-server did not start; see {Path.Combine(logDirectory, "redis.log")}.");
    }

    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(10));

    public void Dispose() => _process.Dispose();
}
