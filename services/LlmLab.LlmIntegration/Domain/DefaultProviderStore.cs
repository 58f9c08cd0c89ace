using StackExchange.Redis;

namespace LlmLab.LlmIntegration.Domain;

/// <summary>
/// Each tenant's default provider and model, in Redis so every replica agrees. The stored name is resolved among the
/// tenant's own providers only; when it no longer resolves (deleted), the configured default applies.
/// </summary>
public sealed class DefaultProviderStore(IConnectionMultiplexer redis, ProviderCatalog catalog)
{
    private static RedisKey Key(string tenantId) => $"llmlab:{tenantId}:default-provider";

    public async Task<(string Provider, string Model)> GetAsync(string tenantId)
    {
        var stored = await redis.GetDatabase().StringGetAsync(Key(tenantId));
        if (stored.HasValue && stored.ToString().Split('|', 2) is [var provider, var model]
            && await catalog.ResolveAsync(tenantId, provider, model) is not null)
        {
            return (provider, model);
        }
        var fallback = catalog.Options.DefaultProvider;
        var definition = catalog.Options.Providers.GetValueOrDefault(fallback);
        return (fallback, definition?.DefaultModel ?? "");
    }

    public Task SetAsync(string tenantId, string provider, string model) =>
        redis.GetDatabase().StringSetAsync(Key(tenantId), $"{provider}|{model}");

    public Task<bool> EraseAsync(string tenantId) => redis.GetDatabase().KeyDeleteAsync(Key(tenantId));
}
