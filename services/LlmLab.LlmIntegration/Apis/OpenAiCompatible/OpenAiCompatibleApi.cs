using LlmLab.LlmIntegration.Domain;
using LlmLab.ServiceKit;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>
/// OpenAI's wire format under /v1 — chat completions (streaming and not), completions, responses and models — so any
/// OpenAI SDK can use the platform, its cache, limits, cost tracking and tracing, as a proxy. Model ids are "model" or
/// "provider/model". Every request field is honoured or refused naming it; errors are in OpenAI's shape.
/// </summary>
public static class OpenAiCompatibleApi
{
    /// <summary>Room for 100,000 characters of messages however they are escaped, plus the request's other fields.</summary>
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public static IEndpointRouteBuilder MapOpenAiCompatibleApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").RequireTenant();
        v1.MapPost("/chat/completions", ChatCompletionsEndpoint.CompleteAsync).WithBodyCap(MaxBodyBytes);
        v1.MapPost("/responses", ResponsesEndpoint.RespondAsync).WithBodyCap(MaxBodyBytes);
        v1.MapPost("/completions", CompletionsEndpoint.CompleteAsync).WithBodyCap(MaxBodyBytes);
        v1.MapGet("/models", ListModelsAsync);
        v1.MapGet("/models/{**id}", GetModelAsync);
        return app;
    }

    public static async Task<IResult> ListModelsAsync(HttpContext http, ProviderCatalog catalog) => Results.Json(new
    {
        @object = "list",
        data = (await catalog.ProvidersAsync(http.TenantId()!)).Values.SelectMany(p => p.Definition.Models.Select(m => ModelObject(p.Name, m.Name))).ToList(),
    });

    /// <summary>One model by id ("provider/model", or a bare model of the tenant's default provider), or 404 model_not_found.</summary>
    public static async Task<IResult> GetModelAsync(string id, HttpContext http, ProviderCatalog catalog, DefaultProviderStore defaults)
    {
        var tenant = http.TenantId()!;
        // SDKs escape the slash of "provider/model" (%2F), which the path keeps as sent.
        id = Uri.UnescapeDataString(id);
        var (provider, model) = SplitModel(id);
        if (provider.Length == 0) provider = (await defaults.GetAsync(tenant)).Provider;
        return await catalog.ResolveAsync(tenant, provider, model) is { } resolved
            ? Results.Json(ModelObject(resolved.Provider, resolved.Model.Name))
            : OpenAiErrors.ModelNotFound(id, (await catalog.ProvidersAsync(tenant)).ContainsKey(provider) ? $"provider '{provider}' has no such model" : $"no provider '{provider}'");
    }

    private static object ModelObject(string provider, string model) => new { id = $"{provider}/{model}", @object = "model", created = 0, owned_by = provider };

    public static (string Provider, string Model) SplitModel(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? (id[..slash], id[(slash + 1)..]) : ("", id);
    }
}
