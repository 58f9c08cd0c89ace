using Microsoft.Extensions.Hosting;

namespace LlmLab.AppHost.Dashboard;

/// <summary>
/// Instead of the console lifetime, which would stop the dashboard at Ctrl+C or SIGTERM on its own: the launcher stops
/// it last, after the services, so their final exports still land and the page shows them stopping.
/// </summary>
internal sealed class LauncherOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
