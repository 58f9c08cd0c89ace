using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using LlmLab.LlmIntegration.Providers;
using LlmLab.LlmIntegration.Providers.Trained;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LlmLab.LlmIntegration.Domain;

/// <summary>
/// The providers a tenant may use: configuration ones, shared ones an admin published, and the tenant's own (kept
/// per tenant in Redis). Resolves a provider and model to its chat client (built once per provider identity, so a
/// tenant's provider never reuses another tenant's client) and price; null when either is unknown to that tenant.
/// </summary>
public sealed class ProviderCatalog(IOptionsMonitor<LlmOptions> options, RuntimeProviderStore store, ChatClientFactory factory, TimeProvider time,
    TrainedModels trained)
{
    // Runtime providers are re-read this often, so a change made through another replica appears here too.
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<ProviderOwner, Snapshot> _runtime = new();
    private readonly ConcurrentDictionary<(string Identity, string Model), BuiltClient> _clients = new();
    private readonly ConcurrentDictionary<string, Composed> _composed = new();
    private const int ComposedKept = 10_000;

    public LlmOptions Options => options.CurrentValue;

    /// <summary>
    /// Every provider the tenant may use by name. Configuration names are reserved; a tenant cannot add a provider
    /// under a shared name, so its own providers never shadow a shared one it could be expecting.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, CatalogEntry>> ProvidersAsync(string tenantId)
    {
        var shared = await RuntimeAsync(ProviderOwner.Shared);
        var own = ProviderOwner.Tenant(tenantId);
        var owned = await RuntimeAsync(own);
        var configured = Options;
        // Composed again only when one of its three sources changed, not on every call.
        if (_composed.TryGetValue(tenantId, out var composed)
            && ReferenceEquals(composed.Shared, shared) && ReferenceEquals(composed.Own, owned) && ReferenceEquals(composed.Configured, configured))
        {
            return composed.Entries;
        }
        var all = new Dictionary<string, CatalogEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, definition) in shared)
            all[name] = new CatalogEntry(name, definition, ProviderScope.Shared, ProviderOwner.Shared.IdentityOf(name));
        foreach (var (name, definition) in owned)
            all[name] = new CatalogEntry(name, definition, ProviderScope.Tenant, own.IdentityOf(name));
        foreach (var (name, definition) in configured.Providers)
            all[name] = new CatalogEntry(name, definition, ProviderScope.Configuration, $"config/{name.ToLowerInvariant()}");
        if (_composed.Count >= ComposedKept) _composed.Clear();
        _composed[tenantId] = new Composed(shared, owned, configured, all);
        return all;
    }

    /// <summary>The providers of one owner, fresh from Redis (used after a change, and to check before changing).</summary>
    public async Task<IReadOnlyDictionary<string, ProviderDefinition>> ReloadAsync(ProviderOwner owner)
    {
        var providers = await store.LoadAsync(owner);
        _runtime[owner] = new Snapshot(providers, time.GetUtcNow());
        var prefix = owner.IdentityOf("");
        foreach (var key in _clients.Keys.Where(k => k.Identity.StartsWith(prefix, StringComparison.Ordinal) && !providers.ContainsKey(k.Identity[prefix.Length..])))
        {
            _clients.TryRemove(key, out _);
        }
        return providers;
    }

    public async Task<ResolvedModel?> ResolveAsync(string tenantId, string provider, string model)
    {
        if (!(await ProvidersAsync(tenantId)).TryGetValue(provider, out var entry)) return null;
        var definition = entry.Definition;
        var name = string.IsNullOrEmpty(model) ? definition.DefaultModel : model;
        var found = definition.Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        // Not a configured model: a model the tenant trained, when the provider is the built-in local one.
        if (found is null) return await trained.ResolveAsync(tenantId, entry, name);
        return new ResolvedModel(entry.Name.ToLowerInvariant(), entry.Identity, entry.Scope, definition, found, ClientFor(entry, found.Name));
    }

    private async Task<IReadOnlyDictionary<string, ProviderDefinition>> RuntimeAsync(ProviderOwner owner) =>
        _runtime.TryGetValue(owner, out var snapshot) && time.GetUtcNow() - snapshot.LoadedAt < RefreshEvery
            ? snapshot.Providers
            : await ReloadAsync(owner);

    /// <summary>A client per provider identity and model, rebuilt when the provider's endpoint or key changed.</summary>
    private IChatClient ClientFor(CatalogEntry entry, string model)
    {
        var key = (entry.Identity, model);
        // The same definition object as last time: nothing to compare (a reload brings new objects, which are).
        if (_clients.TryGetValue(key, out var built) && ReferenceEquals(built.Definition, entry.Definition)) return built.Client;
        var fingerprint = Fingerprint(entry.Definition);
        var client = built is not null && built.Fingerprint == fingerprint ? built.Client : factory.Create(entry.Definition, model, entry.Definition.ApiKey);
        _clients[key] = new BuiltClient(entry.Definition, fingerprint, client);
        return client;
    }

    internal static string Fingerprint(ProviderDefinition d) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{d.Kind}\n{d.BaseUrl}\n{d.ApiKey}")));

    private sealed record Snapshot(IReadOnlyDictionary<string, ProviderDefinition> Providers, DateTimeOffset LoadedAt);

    private sealed record BuiltClient(ProviderDefinition Definition, string Fingerprint, IChatClient Client);

    private sealed record Composed(
        IReadOnlyDictionary<string, ProviderDefinition> Shared, IReadOnlyDictionary<string, ProviderDefinition> Own, LlmOptions Configured,
        IReadOnlyDictionary<string, CatalogEntry> Entries);
}

/// <summary>A provider as one tenant sees it: its name, definition, scope and the identity unique across tenants.</summary>
public sealed record CatalogEntry(string Name, ProviderDefinition Definition, ProviderScope Scope, string Identity);

/// <summary>
/// A provider and model ready to call. <see cref="Provider"/> is the name the caller used; <see cref="Identity"/> is
/// unique across tenants and keys everything shared between calls (client, limits, circuit breaker, cache).
/// </summary>
public sealed record ResolvedModel(string Provider, string Identity, ProviderScope Scope, ProviderDefinition Definition, ModelDefinition Model, IChatClient Client)
{
    public double CostUsd(long promptTokens, long completionTokens) =>
        (double)((promptTokens * Model.InputPricePerMillion + completionTokens * Model.OutputPricePerMillion) / 1_000_000m);
}
