using System.Collections.Concurrent;
using LlmLab.LlmIntegration.Providers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LlmLab.LlmIntegration.Domain;

/// <summary>
/// Every provider: configured ones and those added at run time. Resolves a provider and model to its chat client
/// (built once and reused) and price; null when either is unknown.
/// </summary>
public sealed class ProviderCatalog(IOptionsMonitor<LlmOptions> options, RuntimeProviderStore store, ChatClientFactory factory) : IDisposable
{
    private readonly ConcurrentDictionary<(string Provider, string Model), IChatClient> _clients = new();
    private Dictionary<string, ProviderDefinition> _runtime = new(StringComparer.OrdinalIgnoreCase);
    private DateTime _loadedAt = DateTime.MinValue;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public LlmOptions Options => options.CurrentValue;

    public void Dispose() => _loading.Dispose();

    public async Task<IReadOnlyDictionary<string, ProviderDefinition>> ProvidersAsync()
    {
        // Runtime providers are re-read every few seconds so a provider added through another replica appears here too.
        if (DateTime.UtcNow - _loadedAt > TimeSpan.FromSeconds(5)) await RefreshAsync();
        var all = new Dictionary<string, ProviderDefinition>(_runtime, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, definition) in Options.Providers) all[name] = definition;
        return all;
    }

    public async Task RefreshAsync()
    {
        await _loading.WaitAsync();
        try
        {
            _runtime = await store.LoadAsync();
            _loadedAt = DateTime.UtcNow;
            foreach (var key in _clients.Keys.Where(k => _runtime.ContainsKey(k.Provider))) _clients.TryRemove(key, out _);
        }
        finally
        {
            _loading.Release();
        }
    }

    public async Task<ResolvedModel?> ResolveAsync(string provider, string model)
    {
        var providers = await ProvidersAsync();
        if (!providers.TryGetValue(provider, out var definition)) return null;
        var name = string.IsNullOrEmpty(model) ? definition.DefaultModel : model;
        var found = definition.Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        if (found is null) return null;
        var key = (provider.ToLowerInvariant(), found.Name);
        var client = _clients.GetOrAdd(key, _ => factory.Create(definition, found.Name, definition.ApiKey));
        return new ResolvedModel(key.Item1, definition, found, client);
    }

    /// <summary>Finds a model by name alone, or as "provider/model" (the /v1 door's model ids).</summary>
    public async Task<ResolvedModel?> ResolveModelIdAsync(string modelId)
    {
        var slash = modelId.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && await ResolveAsync(modelId[..slash], modelId[(slash + 1)..]) is { } qualified) return qualified;
        foreach (var (name, definition) in await ProvidersAsync())
        {
            if (definition.Models.Any(m => string.Equals(m.Name, modelId, StringComparison.OrdinalIgnoreCase))) return await ResolveAsync(name, modelId);
        }
        return null;
    }
}

public sealed record ResolvedModel(string Provider, ProviderDefinition Definition, ModelDefinition Model, IChatClient Client)
{
    public double CostUsd(long promptTokens, long completionTokens) =>
        (double)((promptTokens * Model.InputPricePerMillion + completionTokens * Model.OutputPricePerMillion) / 1_000_000m);
}
