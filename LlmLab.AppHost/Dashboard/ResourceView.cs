namespace LlmLab.AppHost.Dashboard;

/// <summary>A row of the dashboard's resources table: one server or one process of a service.</summary>
public sealed record ResourceView(
    string Name,
    string Service,
    string Kind,
    string State,
    string Health,
    int Restarts,
    string Url,
    string? GrpcUrl,
    int? Pid,
    bool HasConsole);

/// <summary>What the dashboard reads from the running platform.</summary>
public interface IPlatformView
{
    IReadOnlyList<ResourceView> Resources();

    /// <summary>The console of the named process, or null for a name that is not a process of the platform.</summary>
    Processes.ConsoleLog? ConsoleOf(string name);
}
