using LlmLab.LlmIntegration.Domain;
using LlmLab.LlmIntegration.Pipeline;
using LlmLab.LlmIntegration.Providers;
using LlmLab.LlmIntegration.Providers.Local;
using LlmLab.LlmIntegration.Providers.Simulated;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace LlmLab.LlmIntegration.Extensions;

public static class LlmIntegrationServices
{
    public static IHostApplicationBuilder AddLlmIntegrationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.Configure<LlmOptions>(builder.Configuration.GetSection("Llm"));
        builder.Services.Configure<SimulatedProviderOptions>(builder.Configuration.GetSection("Llm:Simulated"));

        var redis = builder.AddRedis();
        // Provider keys are encrypted with keys every replica shares (kept in Redis).
        builder.Services.AddDataProtection().SetApplicationName("llmlab-llm-integration").PersistKeysToStackExchangeRedis(redis, "llmlab:dataprotection-keys");

        builder.Services.AddSingleton(_ => LocalLanguageModel.FromEmbeddedCorpus());
        builder.Services.AddSingleton<ChatClientFactory>();
        builder.Services.AddSingleton<RuntimeProviderStore>();
        builder.Services.AddSingleton<ProviderCatalog>();
        builder.Services.AddSingleton<DefaultProviderStore>();
        builder.Services.AddSingleton<ResponseCache>();
        builder.Services.AddSingleton<ProviderLimiter>();
        builder.Services.AddSingleton<ResiliencePolicies>();
        builder.Services.AddSingleton<AdaptiveLimits>();
        builder.Services.AddSingleton<TokenCounter>();
        builder.Services.AddSingleton<LlmMetrics>();
        builder.Services.AddSingleton<GenerationService>();
        return builder;
    }

    private static ConnectionMultiplexer AddRedis(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("redis")
            ?? throw new InvalidOperationException("ConnectionStrings:redis is not configured.");
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        var redis = ConnectionMultiplexer.Connect(options);
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return redis;
    }
}

internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (RedisException ex)
        {
            return HealthCheckResult.Unhealthy("redis unreachable", ex);
        }
    }
}
