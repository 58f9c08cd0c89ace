using LlmLab.ServiceKit;

namespace LlmLab.Gateway.Auth;

/// <summary>
/// POST /api/experiments/batch/{id}/progress-token: a short-lived token a browser puts in the progress stream's URL
/// (?access_token=), since EventSource cannot send the key header. Whether the caller may see the run is still decided
/// by the batch service when the stream is opened with the token's identity.
/// </summary>
public static class ProgressTokenApi
{
    public const string QueryName = "access_token";

    public static IEndpointRouteBuilder MapProgressTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/experiments/batch/{id:guid}/progress-token", (Guid id, HttpContext http, ProgressTokens tokens) =>
        {
            var caller = http.Features.Get<CallerIdentity>()!;
            var scopes = http.Features.Get<CallerScopes>()?.Scopes ?? [];
            var (token, expiresAt) = tokens.Mint(caller, scopes, id);
            var url = $"/api/experiments/batch/{id}/progress?{QueryName}={Uri.EscapeDataString(token)}";
            return TypedResults.Ok(new ProgressToken(token, expiresAt, url));
        });
        return app;
    }

    /// <summary>The run id of a GET …/batch/{id}/progress path, the only place a progress token is accepted.</summary>
    public static Guid? RunOfProgressStream(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method)) return null;
        var segments = request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments is ["api", "experiments", "batch", var id, "progress"] && Guid.TryParse(id, out var runId) ? runId : null;
    }
}

public sealed record ProgressToken(string Token, DateTimeOffset ExpiresAt, string ProgressUrl);
