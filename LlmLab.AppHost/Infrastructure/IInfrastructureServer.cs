namespace LlmLab.AppHost.Infrastructure;

/// <summary>PostgreSQL, Redis or RabbitMQ: started from the machine's binaries, or given by a connection string.</summary>
public interface IInfrastructureServer
{
    string Name { get; }
    string ConnectionString { get; }
    string Url { get; }
    int? ProcessId { get; }
    Task StartAsync(CancellationToken cancellationToken);
    Task StopAsync();
    /// <summary>Whether the server's process is still there; the supervisor restarts it when not.</summary>
    bool IsAlive { get; }
    /// <summary>Starts the server again on the same port with the same data, so clients reconnect to the address they have.</summary>
    Task RestartAsync(CancellationToken cancellationToken);
}

/// <summary>A server the AppHost was given (ConnectionStrings:&lt;name&gt;) and neither starts nor stops.</summary>
public sealed class ExternalServer(string name, string connectionString) : IInfrastructureServer
{
    public string Name => name;
    public string ConnectionString => connectionString;
    public string Url => "(external)";
    public int? ProcessId => null;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync() => Task.CompletedTask;
    public bool IsAlive => true;
    public Task RestartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A server binary is not installed; the message names the command that installs it.</summary>
public sealed class MissingBinaryException(string what, string installCommand)
    : Exception($"{what} is not installed. Install it with:\n    {installCommand}\nor give its connection string in the AppHost's configuration (ConnectionStrings:<name>).")
{
    public string InstallCommand { get; } = installCommand;
}
