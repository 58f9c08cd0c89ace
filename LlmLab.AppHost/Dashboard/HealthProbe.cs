namespace LlmLab.AppHost.Dashboard;

/// <summary>Asks each process's /health at once, briefly: the dashboard shows what a readiness probe would see now.</summary>
public sealed class HealthProbe : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public async Task<IReadOnlyList<ResourceView>> WithHealthAsync(IReadOnlyList<ResourceView> resources, CancellationToken cancellationToken) =>
        await Task.WhenAll(resources.Select(r => r.Kind == "project" && r.State is "running" or "unhealthy"
            ? ProbeAsync(r, cancellationToken)
            : Task.FromResult(r)));

    private async Task<ResourceView> ProbeAsync(ResourceView resource, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri($"{resource.Url}/health"), cancellationToken);
            return resource with { Health = response.IsSuccessStatusCode ? "healthy" : $"unhealthy ({(int)response.StatusCode})" };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return resource with { Health = "unreachable" };
        }
    }

    public void Dispose() => _http.Dispose();
}
