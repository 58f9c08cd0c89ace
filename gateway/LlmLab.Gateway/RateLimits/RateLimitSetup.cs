using LlmLab.ServiceKit;

namespace LlmLab.Gateway.RateLimits;

/// <summary>Registers the quota counters (Redis: ConnectionStrings:redis) and places the limiter after authentication.</summary>
public static class RateLimitSetup
{
    public static IHostApplicationBuilder AddGatewayRateLimits(this IHostApplicationBuilder builder)
    {
        builder.AddRedisConnection();
        builder.Services.AddSingleton<QuotaCounter>();
        return builder;
    }

    /// <summary>After the caller is known (it needs the caller's key and tier).</summary>
    public static WebApplication UseGatewayRateLimits(this WebApplication app)
    {
        app.UseMiddleware<RateLimitMiddleware>();
        return app;
    }
}
