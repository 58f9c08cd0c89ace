using LlmLab.AppHost.Infrastructure;
using LlmLab.AppHost.Processes;

namespace LlmLab.AppHost.Dashboard;

/// <summary>The launcher's servers and processes as the dashboard shows them.</summary>
public sealed class LauncherView(IReadOnlyList<IInfrastructureServer> servers, Func<IReadOnlyList<ServiceProcess>> services) : IPlatformView
{
    public IReadOnlyList<ResourceView> Resources()
    {
        var serverList = servers;
        var serviceList = services();
        return
        [
            .. serverList.Select(s => new ResourceView(s.Name, s.Name, s is ExternalServer ? "external" : "server",
                s.IsAlive ? "running" : "restarting", s.IsAlive ? "healthy" : "down", 0, s.Url, null, s.ProcessId, HasConsole: false)),
            .. serviceList.Select(s => new ResourceView(s.Name, s.Resource.Name, "project", s.State, s.State, s.Restarts,
                s.Endpoints.HttpUrl, s.Endpoints.GrpcUrl, s.State == "stopped" ? null : s.ProcessId, HasConsole: true)),
        ];
    }

    public ConsoleLog? ConsoleOf(string name) => services().FirstOrDefault(s => s.Name == name)?.Console;
}
