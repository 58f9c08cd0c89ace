using System.Diagnostics;
using Yarp.ReverseProxy.Configuration;

namespace LlmLab.Gateway.Health;

/// <summary>GET /api/health: the gateway and every service it routes to, each with status and latency.</summary>
public static class AggregateHealth
{
    public const string ClientName = "health";

    public static IEndpointRouteBuilder MapAggregateHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", CheckAsync);
        return app;
    }

    public static async Task<IResult> CheckAsync(IProxyConfigProvider proxy, IHttpClientFactory clients, CancellationToken ct)
    {
        var services = proxy.GetConfig().Clusters
            .Select(c => (Name: c.ClusterId, Address: c.Destinations?.Values.FirstOrDefault()?.Address))
            .Where(s => s.Address is not null)
            .DistinctBy(s => s.Address)
            .ToList();
        var client = clients.CreateClient(ClientName);
        var checks = await Task.WhenAll(services.Select(s => ProbeAsync(client, s.Name, s.Address!, ct)));
        var healthy = checks.All(c => c.Status == "healthy");
        var body = new HealthReport(healthy ? "healthy" : "unhealthy", [new ServiceHealth("gateway", "healthy", 0), .. checks]);
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<ServiceHealth> ProbeAsync(HttpClient client, string name, string address, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var response = await client.GetAsync(new Uri(new Uri(address), "/health"), timeout.Token);
            var latency = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
            return new ServiceHealth(name, response.IsSuccessStatusCode ? "healthy" : "unhealthy", latency);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            return new ServiceHealth(name, "unreachable", Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1));
        }
    }
}

public sealed record HealthReport(string Status, IReadOnlyList<ServiceHealth> Services);
public sealed record ServiceHealth(string Name, string Status, double LatencyMs);
