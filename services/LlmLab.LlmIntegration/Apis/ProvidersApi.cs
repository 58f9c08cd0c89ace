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
        api.MapGet("/models", ListModels);
        return app;
    }

    public static async Task<Ok<CurrentProvider>> GetProviderAsync(HttpContext http, DefaultProviderStore defaults, ProviderCatalog catalog)
    {
        var (provider, model) = await defaults.GetAsync(http.TenantId()!);
        var capabilities = catalog.Options.Providers.GetValueOrDefault(provider)?.Capabilities ?? [];
        return TypedResults.Ok(new CurrentProvider(provider, model, capabilities));
    }

    public static async Task<Results<Ok<CurrentProvider>, ProblemHttpResult>> SwitchAsync(SwitchProvider body, HttpContext http, DefaultProviderStore defaults, ProviderCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(body.Provider)) return Problems.Invalid("provider", "is required.");
        if (!catalog.Options.Providers.ContainsKey(body.Provider)) return Problems.Invalid("provider", $"'{body.Provider}' is not configured.");
        var resolved = catalog.Resolve(body.Provider, body.Model ?? "");
        if (resolved is null) return Problems.Invalid("model", $"'{body.Model}' is not a model of provider '{body.Provider}'.");

        await defaults.SetAsync(http.TenantId()!, resolved.Provider, resolved.Model.Name);
        return TypedResults.Ok(new CurrentProvider(resolved.Provider, resolved.Model.Name, catalog.Options.Providers[resolved.Provider].Capabilities));
    }

    public static Ok<List<ModelInfo>> ListModels(ProviderCatalog catalog) =>
        TypedResults.Ok(catalog.Options.Providers
            .SelectMany(p => p.Value.Models.Select(m => new ModelInfo(p.Key, m.Name, m.InputPricePerMillion, m.OutputPricePerMillion, m.ContextWindow)))
            .ToList());
}

public sealed record SwitchProvider(string? Provider, string? Model);
public sealed record CurrentProvider(string Provider, string Model, IReadOnlyList<string> Capabilities);
public sealed record ModelInfo(string Provider, string Model, decimal InputPricePerMillion, decimal OutputPricePerMillion, int ContextWindow);
