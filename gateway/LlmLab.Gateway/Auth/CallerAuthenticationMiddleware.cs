using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Authorization;
using LlmLab.ServiceKit.InternalIdentity;

namespace LlmLab.Gateway.Auth;

/// <summary>
/// Authenticates /api and /v1 calls: X-Api-Key (or an OpenAI-style bearer key) as a configuration key or an issued key,
/// or a bearer JWT. Sets the caller for the rest of the pipeline (the forwarding transform signs it onto the request to
/// the service), and strips the credential so
/// no service or log downstream ever sees it. Caller-sent identity headers are always dropped.
/// </summary>
public sealed class CallerAuthenticationMiddleware(
    RequestDelegate next, BootstrapKeys bootstrap, IssuedKeyAuthenticator issued, JwtAuthenticator jwt, ProgressTokens progressTokens,
    IProblemDetailsService problems)
{
    public const string HeaderName = "X-Api-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        RemoveCallerHeaders(context.Request);
        if (!IsProtected(context.Request.Path))
        {
            await next(context);
            return;
        }

        var accessToken = TakeAccessToken(context.Request);
        var result = await AuthenticateAsync(context, accessToken);
        if (result.Caller is not { } caller)
        {
            await RejectAsync(context, result);
            return;
        }
        context.Request.Headers.Remove(HeaderName);
        context.Request.Headers.Authorization = default;
        context.Features.Set(caller);
        context.Features.Set(new CallerScopes(result.Scopes));
        await next(context);
    }

    /// <summary>The API, /v1, and the gateway's /metrics (its counters name tenants' traffic: admins and scrapers with a key only).</summary>
    public static bool IsProtected(PathString path) =>
        (path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/health")) || path.StartsWithSegments("/v1") || path.StartsWithSegments("/metrics");

    private async Task<AuthenticationResult> AuthenticateAsync(HttpContext context, string? accessToken)
    {
        var request = context.Request;
        var key = request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(key) && accessToken is not null && string.IsNullOrEmpty(request.Headers.Authorization))
        {
            if (StreamTokenApi.IsTenantStream(request))
                return await progressTokens.ValidateForTenantStreamsAsync(accessToken)
                    ?? AuthenticationResult.Refused("Access token invalid",
                        $"The {ProgressTokenApi.QueryName} is forged, expired or made for a run's progress; get a new one from POST {StreamTokenApi.Path}.");
            if (ProgressTokenApi.RunOfProgressStream(request) is not { } runId)
                return AuthenticationResult.Refused("Access token not accepted here",
                    $"{ProgressTokenApi.QueryName} opens only GET /api/experiments/batch/{{id}}/progress, /api/events/stream and /api/alerts/stream; send the {HeaderName} header.");
            return await progressTokens.ValidateAsync(accessToken, runId)
                ?? AuthenticationResult.Refused("Access token invalid",
                    $"The {ProgressTokenApi.QueryName} is forged, expired or made for another run; get a new one from POST /api/experiments/batch/{{id}}/progress-token.");
        }
        if (string.IsNullOrEmpty(key))
        {
            var authorization = request.Headers.Authorization.ToString();
            if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                return AuthenticationResult.Refused("API key missing", $"Send your API key in the {HeaderName} header, or a bearer token.");
            key = authorization["Bearer ".Length..].Trim();
            if (jwt.Enabled && JwtAuthenticator.LooksLikeJwt(key)) return await jwt.AuthenticateAsync(context);
        }
        if (bootstrap.Find(key) is { } configured) return AuthenticationResult.Success(configured);
        if (IssuedKeys.LooksIssued(key)) return await issued.AuthenticateAsync(key, context.RequestAborted);
        return AuthenticationResult.Refused("API key invalid", $"The {HeaderName} presented is not a key of this platform.");
    }

    /// <summary>The ?access_token= of a request, removed from it so no service or log downstream sees it.</summary>
    private static string? TakeAccessToken(HttpRequest request)
    {
        if (!request.Query.TryGetValue(ProgressTokenApi.QueryName, out var values)) return null;
        var rest = request.Query.Where(q => q.Key != ProgressTokenApi.QueryName).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)));
        request.QueryString = QueryString.Create(rest);
        return values.ToString();
    }

    /// <summary>Identity is passed on only as the token the gateway signs (CallerIdentityTransform): a caller's is dropped.</summary>
    private static void RemoveCallerHeaders(HttpRequest request) => request.Headers.Remove(InternalTokens.HeaderName);

    private Task RejectAsync(HttpContext context, AuthenticationResult result)
    {
        context.Response.StatusCode = result.Status;
        if (result.Status == StatusCodes.Status401Unauthorized)
            context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{HeaderName}\", Bearer";
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = result.Status, Title = result.Title, Detail = result.Detail, Extensions = { ["field"] = HeaderName } },
        }).AsTask();
    }
}
