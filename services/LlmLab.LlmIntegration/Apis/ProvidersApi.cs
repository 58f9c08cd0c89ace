using LlmLab.LlmIntegration.Domain;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.LlmIntegration.Apis;

public static class ProvidersApi
{
    public static IEndpointRouteBuilder MapProvidersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/llm").RequireTenant();
        api.MapGet("/provider", GetProviderAsync);
        api.MapPost("/provider/switch", SwitchAsync);
        api.MapGet("/models", ListModelsAsync);
        api.MapGet("/providers", ListProvidersAsync);
        api.MapPost("/providers", AddProviderAsync);
        api.MapDelete("/providers/{name}", DeleteProviderAsync);
        return app;
    }

    public static async Task<Ok<CurrentProvider>> GetProviderAsync(HttpContext http, DefaultProviderStore defaults, ProviderCatalog catalog)
    {
        var (provider, model) = await defaults.GetAsync(http.TenantId()!);
        var capabilities = (await catalog.ProvidersAsync()).GetValueOrDefault(provider)?.Capabilities ?? [];
        return TypedResults.Ok(new CurrentProvider(provider, model, capabilities));
    }

    public static async Task<Results<Ok<CurrentProvider>, ProblemHttpResult>> SwitchAsync(SwitchProvider body, HttpContext http, DefaultProviderStore defaults, ProviderCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(body.Provider)) return Problems.Invalid("provider", "is required.");
        var providers = await catalog.ProvidersAsync();
        if (!providers.TryGetValue(body.Provider, out var definition)) return Problems.Invalid("provider", $"'{body.Provider}' is not configured.");
        var resolved = await catalog.ResolveAsync(body.Provider, body.Model ?? "");
        if (resolved is null) return Problems.Invalid("model", $"'{body.Model}' is not a model of provider '{body.Provider}'.");

        await defaults.SetAsync(http.TenantId()!, resolved.Provider, resolved.Model.Name);
        return TypedResults.Ok(new CurrentProvider(resolved.Provider, resolved.Model.Name, definition.Capabilities));
    }

    public static async Task<Ok<List<ModelInfo>>> ListModelsAsync(ProviderCatalog catalog) =>
        TypedResults.Ok((await catalog.ProvidersAsync())
            .SelectMany(p => p.Value.Models.Select(m => new ModelInfo(p.Key, m.Name, m.InputPricePerMillion, m.OutputPricePerMillion, m.ContextWindow)))
            .ToList());

    public static async Task<Ok<List<ProviderInfo>>> ListProvidersAsync(ProviderCatalog catalog) =>
        TypedResults.Ok((await catalog.ProvidersAsync()).Select(p => ProviderInfo.Of(p.Key, p.Value)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList());

    /// <summary>Adds (or replaces) an OpenAI-compatible or Anthropic provider; its key is encrypted and never shown again.</summary>
    public static async Task<Results<Created<ProviderInfo>, ProblemHttpResult>> AddProviderAsync(NewProvider body, ProviderCatalog catalog, RuntimeProviderStore store)
    {
        var errors = NewProviderValidator.Validate(body, catalog.Options.Providers.Keys);
        if (errors.Count > 0) return Problems.Invalid(errors);
        var definition = new ProviderDefinition
        {
            Kind = body.Kind!.Equals("anthropic", StringComparison.OrdinalIgnoreCase) ? ProviderKind.Anthropic : ProviderKind.OpenAi,
            BaseUrl = body.BaseUrl ?? "",
            ApiKey = body.ApiKey ?? "",
            DefaultModel = body.DefaultModel ?? body.Models![0].Name!,
            Models = body.Models!.Select(m => new ModelDefinition
            {
                Name = m.Name!, InputPricePerMillion = m.InputPricePerMillion ?? 0, OutputPricePerMillion = m.OutputPricePerMillion ?? 0, ContextWindow = m.ContextWindow ?? 8192,
            }).ToList(),
            Capabilities = ["chat", "streaming"],
            MaxConcurrency = body.MaxConcurrency ?? 16,
            RequestsPerMinute = body.RequestsPerMinute ?? 0,
            TokensPerMinute = body.TokensPerMinute ?? 0,
            AddedAtRunTime = true,
        };
        await store.SaveAsync(body.Name!, definition);
        await catalog.RefreshAsync();
        return TypedResults.Created($"/api/llm/providers/{body.Name!.ToLowerInvariant()}", ProviderInfo.Of(body.Name.ToLowerInvariant(), definition));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteProviderAsync(string name, ProviderCatalog catalog, RuntimeProviderStore store)
    {
        if (catalog.Options.Providers.ContainsKey(name)) return Problems.Conflict($"'{name}' comes from configuration and cannot be deleted through the API.");
        if (!await store.DeleteAsync(name)) return Problems.NotFound("Provider", name);
        await catalog.RefreshAsync();
        return TypedResults.NoContent();
    }
}

public sealed record SwitchProvider(string? Provider, string? Model);
public sealed record CurrentProvider(string Provider, string Model, IReadOnlyList<string> Capabilities);
public sealed record ModelInfo(string Provider, string Model, decimal InputPricePerMillion, decimal OutputPricePerMillion, int ContextWindow);

public sealed record NewProvider(string? Name, string? Kind, string? BaseUrl, string? ApiKey, string? DefaultModel, List<NewModel>? Models,
    int? MaxConcurrency, int? RequestsPerMinute, int? TokensPerMinute);
public sealed record NewModel(string? Name, decimal? InputPricePerMillion, decimal? OutputPricePerMillion, int? ContextWindow);

/// <summary>A provider as the API shows it: never its key, only whether it has one.</summary>
public sealed record ProviderInfo(string Name, string Kind, string BaseUrl, bool HasApiKey, string DefaultModel, IReadOnlyList<string> Models,
    int MaxConcurrency, int RequestsPerMinute, int TokensPerMinute, bool AddedAtRunTime)
{
    public static ProviderInfo Of(string name, ProviderDefinition d) => new(name, d.Kind.ToString().ToLowerInvariant(), d.BaseUrl, d.ApiKey.Length > 0,
        d.DefaultModel, d.Models.Select(m => m.Name).ToList(), d.MaxConcurrency, d.RequestsPerMinute, d.TokensPerMinute, d.AddedAtRunTime);
}
