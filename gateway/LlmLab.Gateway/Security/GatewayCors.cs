namespace LlmLab.Gateway.Security;

/// <summary>
/// CORS: browsers on the origins in Gateway:Cors:AllowedOrigins may call the API; by default none (the web app is
/// served by the gateway itself, same origin). No credentials: callers authenticate with a header, not a cookie.
/// </summary>
public static class GatewayCors
{
    public const string Section = "Gateway:Cors:AllowedOrigins";

    public static readonly string[] AllowedHeaders = ["X-Api-Key", "Authorization", "Content-Type", "Accept", "traceparent", "tracestate"];

    /// <summary>What a cross-origin script may read beyond the CORS-safelisted headers.</summary>
    public static readonly string[] ExposedHeaders =
        ["Location", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy"];

    public static IHostApplicationBuilder AddGatewayCors(this IHostApplicationBuilder builder)
    {
        var origins = builder.Configuration.GetSection(Section).Get<string[]>() ?? [];
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders(AllowedHeaders)
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return builder;
    }
}
