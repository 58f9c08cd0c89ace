using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmLab.LlmIntegration.Domain;

/// <summary>Each tenant's default provider and model, in Redis so every replica agrees.</summary>
public sealed class DefaultProviderStore(IConnectionMultiplexer redis, IOptionsMonitor<LlmOptions> options)
{
    private static RedisKey Key(string tenantId) => $"llmlab:{tenantId}:default-provider";

    public async Task<(string Provider, string Model)> GetAsync(string tenantId)
    {
        var stored = await redis.GetDatabase().StringGetAsync(Key(tenantId));
        if (stored.HasValue && stored.ToString().Split('|', 2) is [var provider, var model])
        {
            return (provider, model);
        }
        var fallback = options.CurrentValue.DefaultProvider;
        var definition = options.CurrentValue.Providers.GetValueOrDefault(fallback);
        return (fallback, definition?.DefaultModel ?? "");
    }

    public Task SetAsync(string tenantId, string provider, string model) =>
        redis.GetDatabase().StringSetAsync(Key(tenantId), $"{provider}|{model}");
}
