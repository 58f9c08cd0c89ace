using LlmLab.LlmIntegration.Domain;
using LlmLab.LlmIntegration.Providers.Local;
using LlmLab.LlmIntegration.Providers.Simulated;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmLab.LlmIntegration.Extensions;

public static class LlmIntegrationServices
{
    public static IHostApplicationBuilder AddLlmIntegrationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc();
        builder.Services.Configure<LlmOptions>(builder.Configuration.GetSection("Llm"));
        builder.Services.Configure<SimulatedProviderOptions>(builder.Configuration.GetSection("Llm:Simulated"));
        builder.Services.AddSingleton<ProviderCatalog>();
        builder.Services.AddSingleton<DefaultProviderStore>();

        builder.Services.AddSingleton(_ => LocalLanguageModel.FromEmbeddedCorpus());
        builder.Services.AddKeyedSingleton<IChatClient>("local", (sp, _) => new LocalChatClient(sp.GetRequiredService<LocalLanguageModel>()));
        builder.Services.AddKeyedSingleton<IChatClient>("simulated", (sp, _) => new SimulatedChatClient(
            new LocalChatClient(sp.GetRequiredService<LocalLanguageModel>()),
            sp.GetRequiredService<IOptionsMonitor<SimulatedProviderOptions>>(),
            sp.GetRequiredService<TimeProvider>()));

        builder.AddRedis();
        return builder;
    }

    private static void AddRedis(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("redis")
            ?? throw new InvalidOperationException("ConnectionStrings:redis is not configured.");
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
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
