using LlmLab.ServiceKit;

namespace LlmLab.Gateway.Auth;

/// <summary>
/// POST /api/events/stream-token: a short-lived token a browser's EventSource puts in the URL (?access_token=) of the
/// tenant's live streams, GET /api/events/stream and GET /api/alerts/stream, since it cannot send the key header. The
/// token carries the caller's role and scopes, so the route table still decides whether the stream may be read.
/// </summary>
public static class StreamTokenApi
{
    public const string Path = "/api/events/stream-token";
    private static readonly string[] Streams = ["/api/events/stream", "/api/alerts/stream"];

    public static IEndpointRouteBuilder MapStreamTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, (HttpContext http, ProgressTokens tokens) =>
        {
            var caller = http.Features.Get<CallerIdentity>()!;
            var scopes = http.Features.Get<CallerScopes>()?.Scopes ?? [];
            var (token, expiresAt) = tokens.MintForTenantStreams(caller, scopes);
            var query = $"?{ProgressTokenApi.QueryName}={Uri.EscapeDataString(token)}";
            return TypedResults.Ok(new StreamToken(token, expiresAt, Streams[0] + query, Streams[1] + query));
        });
        return app;
    }

    /// <summary>A GET of one of the tenant's live streams, the only places a tenant-stream token is accepted.</summary>
    public static bool IsTenantStream(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && Streams.Any(s => string.Equals(request.Path.Value?.TrimEnd('/'), s, StringComparison.OrdinalIgnoreCase));
}

public sealed record StreamToken(string Token, DateTimeOffset ExpiresAt, string EventsUrl, string AlertsUrl);
