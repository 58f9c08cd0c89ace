using LlmLab.LlmIntegration.Domain;
using LlmLab.LlmIntegration.Providers.Trained;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.LlmIntegration.Apis;

/// <summary>
/// /api/llm: the caller's default provider, and the providers the caller's tenant may use. Every answer and every
/// change is scoped to the caller's tenant; changing a shared provider takes an admin (see ProviderChangesApi).
/// </summary>
public static class ProvidersApi
{
    public static IEndpointRouteBuilder MapProvidersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/llm").RequireTenant();
        api.MapGet("/provider", GetProviderAsync);
        api.MapPost("/provider/switch", SwitchAsync);
        api.MapGet("/models", ListModelsAsync);
        api.MapGet("/providers", ListProvidersAsync);
        api.MapPost("/providers", ProviderChangesApi.AddAsync);
        api.MapPut("/providers/{name}", ProviderChangesApi.UpdateAsync);
        api.MapDelete("/providers/{name}", ProviderChangesApi.DeleteAsync);
        return app;
    }

    public static async Task<Ok<CurrentProvider>> GetProviderAsync(HttpContext http, DefaultProviderStore defaults, ProviderCatalog catalog)
    {
        var tenant = http.TenantId()!;
        var (provider, model) = await defaults.GetAsync(tenant);
        var capabilities = (await catalog.ProvidersAsync(tenant)).GetValueOrDefault(provider)?.Definition.Capabilities ?? [];
        return TypedResults.Ok(new CurrentProvider(provider, model, capabilities));
    }

    public static async Task<Results<Ok<CurrentProvider>, ProblemHttpResult>> SwitchAsync(SwitchProvider body, HttpContext http, DefaultProviderStore defaults, ProviderCatalog catalog)
    {
        if (string.IsNullOrWhiteSpace(body.Provider)) return Problems.Invalid("provider", "is required.");
        var tenant = http.TenantId()!;
        if (!(await catalog.ProvidersAsync(tenant)).TryGetValue(body.Provider, out var entry)) return Problems.Invalid("provider", $"'{body.Provider}' is not configured.");
        var resolved = await catalog.ResolveAsync(tenant, body.Provider, body.Model ?? "");
        if (resolved is null) return Problems.Invalid("model", $"'{body.Model}' is not a model of provider '{body.Provider}'.");

        await defaults.SetAsync(tenant, resolved.Provider, resolved.Model.Name);
        return TypedResults.Ok(new CurrentProvider(resolved.Provider, resolved.Model.Name, entry.Definition.Capabilities));
    }

    public static async Task<Ok<ItemList<ModelInfo>>> ListModelsAsync(HttpContext http, ProviderCatalog catalog, TrainedModels trained)
    {
        var providers = await catalog.ProvidersAsync(http.TenantId()!);
        var models = providers.Values
            .SelectMany(p => p.Definition.Models.Select(m => new ModelInfo(p.Name, m.Name, m.InputPricePerMillion, m.OutputPricePerMillion, m.ContextWindow)))
            .ToList();
        // The tenant's trained models answer as local/<name> (see TrainedModels).
        if (providers.TryGetValue("local", out var local) && local.Definition.Kind == ProviderKind.Local)
            models.AddRange((await trained.ListAsync(http.TenantId()!)).Select(m => new ModelInfo(local.Name, m.Name, 0, 0, m.ContextWindow)));
        return TypedResults.Ok(new ItemList<ModelInfo>(models));
    }

    /// <summary>The tenant's providers (its own, shared and configured ones) by name, a page at a time like every other list.</summary>
    public static async Task<Results<Ok<PagedList<ProviderInfo>>, ProblemHttpResult>> ListProvidersAsync(HttpContext http, ProviderCatalog catalog,
        int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } badPage) return badPage;
        var caller = http.Caller()!;
        var providers = (await catalog.ProvidersAsync(caller.TenantId)).Values
            .Select(p => ProviderInfo.Of(p, catalog.Options.MayPublishShared(caller)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new PagedList<ProviderInfo>(providers.Skip((page - 1) * page_size).Take(page_size).ToList(), providers.Count, page, page_size));
    }
}
