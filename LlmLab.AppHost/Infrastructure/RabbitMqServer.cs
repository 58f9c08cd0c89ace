using System.Security.Cryptography;
using System.Text;

namespace LlmLab.AppHost.Infrastructure;

/// <summary>
/// rabbitmq-server (Erlang) in the foreground on a free loopback port. The node name and database folder are fixed
/// per data folder, so durable queues and persistent messages survive a restart of the platform. Clients log in as
/// the folder's own user; guest does not exist.
/// </summary>
public sealed class RabbitMqServer(string dataRoot, string logDirectory, string configuredBinary, string user, string password)
    : IInfrastructureServer, IDisposable
{
    private const string DebianBinary = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private string Binary => configuredBinary.Length > 0 ? configuredBinary : DebianBinary;
    private readonly ForegroundProcess _process = new("rabbitmq", Path.Combine(logDirectory, "rabbitmq.log"));
    private bool _epmdWasRunning;
    private int _port;
    private Dictionary<string, string> _environment = [];
    private string _directory = "";

    public string Name => "rabbitmq";
    public string ConnectionString => $"amqp://{user}:{password}@127.0.0.1:{_port}/";
    public string Url => $"amqp://127.0.0.1:{_port}";
    public int? ProcessId => _process.Id;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Binary)) throw new MissingBinaryException("RabbitMQ (rabbitmq-server)", "apt-get install -y rabbitmq-server");
        var directory = Path.GetFullPath(Path.Combine(dataRoot, "rabbitmq"));
        var home = Path.Combine(directory, "home");
        Directory.CreateDirectory(home);
        var credentials = new RabbitMqCredentials(directory, user, password);
        credentials.WriteConfig();
        var pluginsFile = Path.Combine(directory, "enabled_plugins");
        await File.WriteAllTextAsync(pluginsFile, "[].", cancellationToken);
        _epmdWasRunning = !Ports.IsFree(4369);
        _port = Ports.Free();
        var node = "llmlab-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(directory)))[..8].ToLowerInvariant();

        _environment = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["RABBITMQ_NODENAME"] = $"{node}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = _port.ToString(),
            ["RABBITMQ_DIST_PORT"] = Ports.Free().ToString(),
            ["RABBITMQ_MNESIA_DIR"] = Path.Combine(directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = pluginsFile,
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid"),
            // Erlang's schedulers sleep at once when they run out of work instead of spinning first: on a machine
            // shared by a dozen processes the spinning is CPU taken from the ones that would give them work.
            // +MMmcs 0 overrides rabbitmq-server's +MMmcs 30: freed carriers go back to the kernel instead of into a
            // cache of up to 30 segments that fills with ever larger ones, which is how the node grew from ≈ 90 to
            // ≈ 170 MiB over a 100,000-call run while Erlang's own count stayed near 100 MB (docs/operations.md,
            // "RabbitMQ's carrier cache").
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "+sbwt none +sbwtdcpu none +sbwtdio none +MMmcs 0",
        };
        _directory = directory;
        var migrate = credentials.NeedsMigration(_environment["RABBITMQ_MNESIA_DIR"]);
        await LaunchAsync(cancellationToken);
        if (migrate)
        {
            await credentials.MigrateAsync(Path.Combine(Path.GetDirectoryName(Binary)!, "rabbitmqctl"), ControlEnvironment(), cancellationToken);
        }
        else
        {
            credentials.MarkProvisioned();
        }
    }

    /// <summary>What rabbitmqctl needs to reach this node: its name and the Erlang cookie in HOME.</summary>
    private Dictionary<string, string> ControlEnvironment() => new()
    {
        ["HOME"] = _environment["HOME"],
        ["RABBITMQ_NODENAME"] = _environment["RABBITMQ_NODENAME"],
    };

    public bool IsAlive => _process.IsRunning;

    /// <summary>Same node name, port and database folder: durable queues and persistent messages come back.</summary>
    public Task RestartAsync(CancellationToken cancellationToken) => LaunchAsync(cancellationToken);

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        _process.Start(Binary, [], _environment, workingDirectory: _directory);
        if (!await Ports.WaitForListenerAsync(_port, TimeSpan.FromSeconds(90), cancellationToken, () => _process.IsRunning))
            throw new InvalidOperationException($"rabbitmq-server did not start; see {Path.Combine(logDirectory, "rabbitmq.log")}.");
    }

    public async Task StopAsync()
    {
        await _process.StopAsync(TimeSpan.FromSeconds(30));
        // Erlang starts epmd as a daemon; stop it too unless it was there before us.
        if (!_epmdWasRunning && Shell.Which("epmd") is { } epmd)
        {
            await Shell.RunAsync(epmd, ["-kill"], timeout: TimeSpan.FromSeconds(10));
        }
    }

    public void Dispose() => _process.Dispose();
}
