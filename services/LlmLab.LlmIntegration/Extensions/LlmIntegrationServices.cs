using System.Net;
using LlmLab.LlmIntegration.Budgets;
using LlmLab.LlmIntegration.Domain;
using LlmLab.ServiceKit.Outbound;
using LlmLab.LlmIntegration.Pipeline;
using LlmLab.LlmIntegration.Providers;
using LlmLab.LlmIntegration.Providers.Local;
using LlmLab.LlmIntegration.Providers.Simulated;
using LlmLab.LlmIntegration.TenantData;
using LlmLab.Messaging;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Secrets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace LlmLab.LlmIntegration.Extensions;

public static class LlmIntegrationServices
{
    public const string DataProtectionApplication = "llmlab-llm-integration";
    public const string DataProtectionKeyRing = "llmlab:dataprotection-keys";

    public static IHostApplicationBuilder AddLlmIntegrationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.AddOptions<LlmOptions>().Bind(builder.Configuration.GetSection("Llm"))
            .Validate(o => o.CacheTtlMinutes >= 1, "Llm:CacheTtlMinutes must be at least 1.")
            .Validate(o => o.CacheMaxEntriesPerTenant >= 1, "Llm:CacheMaxEntriesPerTenant must be at least 1.")
            .ValidateOnStart();
        builder.Services.Configure<SimulatedProviderOptions>(builder.Configuration.GetSection("Llm:Simulated"));

        var redis = builder.AddRedis();
        // Provider keys are encrypted with keys every replica shares (kept in Redis, wrapped under the key-encryption key).
        builder.Services.AddDataProtection().SetApplicationName(DataProtectionApplication)
            .PersistKeysToStackExchangeRedis(redis, DataProtectionKeyRing)
            .ProtectKeysWithKeyEncryptionKey(builder.Configuration, builder.Environment);
        builder.Services.AddHostedService<KeyRingRewrapper>();
        builder.Services.AddOptions<OutboundOptions>().Bind(builder.Configuration.GetSection("Llm:Outbound"))
            .Validate(o => o.AllowedNetworks.All(n => IPNetwork.TryParse(n, out _)), "Llm:Outbound:AllowedNetworks: every entry must be a network in CIDR notation, like 10.20.0.0/16.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboundAddressPolicy>();
        builder.Services.AddSingleton<OutboundUrlCheck>();
        builder.Services.AddSingleton<OutboundHttp>();

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
        builder.Services.AddSingleton<TenantBudgets>();
        builder.Services.AddSingleton<GenerationService>();
        builder.Services.AddSingleton<EmbeddingGeneratorFactory>();
        builder.Services.AddSingleton<EmbeddingService>();
        builder.AddMessaging(x => x.AddConsumer<EraseLlmDataConsumer>());
        return builder;
    }

    private static IConnectionMultiplexer AddRedis(this IHostApplicationBuilder builder)
    {
        var redis = builder.AddRedisConnection();
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
