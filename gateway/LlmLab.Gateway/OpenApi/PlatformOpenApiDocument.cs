using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LlmLab.ServiceKit.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Yarp.ReverseProxy.Configuration;

namespace LlmLab.Gateway.OpenApi;

/// <summary>
/// The merged document, built from every routed service's /openapi/v1.json and kept for a short while. A service that
/// does not answer in time contributes the last document it served (a replica restarting or a cold service busy
/// building its first document, as on a loaded machine) or, if it never answered, is left out and named in the
/// document instead of failing the whole contract; an incomplete document is kept only briefly so the missing part
/// comes back soon.
/// </summary>
public sealed class PlatformOpenApiDocument(
    IProxyConfigProvider proxy, IHttpClientFactory clients, [FromKeyedServices("v1")] IOpenApiDocumentProvider gateway, TimeProvider time,
    ILogger<PlatformOpenApiDocument> logger) : IDisposable
{
    public const string ClientName = "openapi";
    private static readonly TimeSpan CompleteLifetime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan IncompleteLifetime = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);
    // A service builds its document on its first request, cold (JIT, every endpoint's metadata): on a loaded machine
    // that takes longer than a refresh should, and until it answers once there is nothing to fall back on.
    private static readonly TimeSpan FirstFetchTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly ConcurrentDictionary<string, JsonObject> _lastServed = new(StringComparer.Ordinal);
    private (string Json, DateTimeOffset Expires)? _cached;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (Fresh() is { } json) return json;
        await _building.WaitAsync(ct);
        try
        {
            if (Fresh() is { } built) return built;
            var (document, complete) = await BuildAsync(ct);
            var text = document.ToJsonString();
            _cached = (text, time.GetUtcNow() + (complete ? CompleteLifetime : IncompleteLifetime));
            return text;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose() => _building.Dispose();

    private string? Fresh() => _cached is { } cached && cached.Expires > time.GetUtcNow() ? cached.Json : null;

    private async Task<(JsonObject Document, bool Complete)> BuildAsync(CancellationToken ct)
    {
        var config = proxy.GetConfig();
        var routes = new GatewayRouteTable(config.Routes
            .Where(r => r.Match.Path is not null)
            .Select(r => new GatewayRoute(r.Match.Path!, r.ClusterId ?? "")));
        var services = config.Clusters
            .Select(c => (c.ClusterId, Address: c.Destinations?.Values.FirstOrDefault()?.Address))
            .Where(s => s.Address is not null)
            .ToList();
        var client = clients.CreateClient(ClientName);
        var fetched = await Task.WhenAll(services.Select(s => FetchAsync(client, s.ClusterId, s.Address!, ct)));
        var documents = fetched.OfType<ServiceDocument>().ToList();
        documents.Add(new ServiceDocument(OpenApiMerger.GatewayClusterId, await GatewayDocumentAsync(ct)));
        var unavailable = services.Select(s => s.ClusterId).Except(documents.Select(d => d.ClusterId)).Order(StringComparer.Ordinal).ToList();
        return (OpenApiMerger.Merge(documents, routes, unavailable), unavailable.Count == 0);
    }

    /// <summary>The gateway's own endpoints (health, progress tokens), described like a service's.</summary>
    private async Task<JsonObject> GatewayDocumentAsync(CancellationToken ct)
    {
        var document = await gateway.GetOpenApiDocumentAsync(ct);
        return JsonNode.Parse(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_0, ct))!.AsObject();
    }

    private async Task<ServiceDocument?> FetchAsync(HttpClient client, string clusterId, string address, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_lastServed.ContainsKey(clusterId) ? FetchTimeout : FirstFetchTimeout);
            using var response = await client.GetAsync(new Uri(new Uri(address), ServiceOpenApi.DocumentPath), timeout.Token);
            response.EnsureSuccessStatusCode();
            var node = await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token);
            if (node is not JsonObject document) return LastServed(clusterId);
            _lastServed[clusterId] = document.DeepClone().AsObject();
            return new ServiceDocument(clusterId, document);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidOperationException or System.Text.Json.JsonException)
        {
            if (ct.IsCancellationRequested) throw;
            logger.LogWarning("OpenAPI document of {Service} unavailable ({Reason}); {Fallback}", clusterId, ex.Message,
                _lastServed.ContainsKey(clusterId) ? "using the last one it served" : "left out");
            return LastServed(clusterId);
        }
    }

    /// <summary>A copy, because merging moves the document's nodes into the merged one.</summary>
    private ServiceDocument? LastServed(string clusterId) =>
        _lastServed.TryGetValue(clusterId, out var document) ? new ServiceDocument(clusterId, document.DeepClone().AsObject()) : null;
}
