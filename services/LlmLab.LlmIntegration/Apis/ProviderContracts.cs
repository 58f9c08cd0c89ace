using LlmLab.LlmIntegration.Domain;

namespace LlmLab.LlmIntegration.Apis;

public sealed record SwitchProvider(string? Provider, string? Model);
public sealed record CurrentProvider(string Provider, string Model, IReadOnlyList<string> Capabilities);
public sealed record ModelInfo(string Provider, string Model, decimal InputPricePerMillion, decimal OutputPricePerMillion, int ContextWindow);

/// <summary>
/// A provider to add (POST) or to put in place of an existing one (PUT). <c>shared</c>: published by an admin for
/// every tenant. On PUT an absent api_key keeps the stored one.
/// </summary>
public sealed record NewProvider(string? Name, string? Kind, string? BaseUrl, string? ApiKey, string? DefaultModel, List<NewModel>? Models,
    int? MaxConcurrency, int? RequestsPerMinute, int? TokensPerMinute, bool? Shared = null);
public sealed record NewModel(string? Name, decimal? InputPricePerMillion, decimal? OutputPricePerMillion, int? ContextWindow);

/// <summary>
/// A provider as the API shows it: never its key, only whether it has one. <c>scope</c>: configuration, shared or
/// tenant; <c>shared</c>: every tenant may use it; <c>editable</c>: the caller may change or delete it.
/// </summary>
public sealed record ProviderInfo(string Name, string Kind, string BaseUrl, bool HasApiKey, string DefaultModel, IReadOnlyList<string> Models,
    int MaxConcurrency, int RequestsPerMinute, int TokensPerMinute, bool AddedAtRunTime, string Scope, bool Shared, bool Editable)
{
    public static ProviderInfo Of(CatalogEntry entry, bool callerMayChangeShared)
    {
        var d = entry.Definition;
        var editable = entry.Scope == ProviderScope.Tenant || (entry.Scope == ProviderScope.Shared && callerMayChangeShared);
        return new ProviderInfo(entry.Name.ToLowerInvariant(), d.Kind.ToString().ToLowerInvariant(), d.BaseUrl, d.ApiKey.Length > 0, d.DefaultModel,
            d.Models.Select(m => m.Name).ToList(), d.MaxConcurrency, d.RequestsPerMinute, d.TokensPerMinute, d.AddedAtRunTime,
            entry.Scope.ToString().ToLowerInvariant(), entry.Scope != ProviderScope.Tenant, editable);
    }
}
