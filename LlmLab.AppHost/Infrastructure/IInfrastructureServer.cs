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
}

/// <summary>A server binary is not installed; the message names the command that installs it.</summary>
public sealed class MissingBinaryException(string what, string installCommand)
    : Exception($"{what} is not installed. Install it with:\n    {installCommand}\nor give its connection string in the AppHost's configuration (ConnectionStrings:<name>).")
{
    public string InstallCommand { get; } = installCommand;
}
