using LlmLab.LlmIntegration.Apis;
using LlmLab.LlmIntegration.Budgets;
using LlmLab.LlmIntegration.Domain;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.TenantData;

namespace LlmLab.LlmIntegration.TenantData;

/// <summary>
/// The llm section of a tenant export: the tenant's own providers as the API shows them (never a key), its default
/// provider and its budgets with spend and alerts. Configuration and shared providers are not the tenant's and are left out.
/// </summary>
public static class LlmTenantData
{
    public static IEndpointRouteBuilder MapLlmTenantData(this IEndpointRouteBuilder app)
    {
        app.MapTenantData(async (HttpContext http, ProviderCatalog catalog, DefaultProviderStore defaults, TenantBudgets budgets) =>
        {
            var tenant = http.TenantId()!;
            var own = (await catalog.ProvidersAsync(tenant)).Values.Where(p => p.Scope == ProviderScope.Tenant)
                .Select(p => ProviderInfo.Of(p, callerMayChangeShared: false)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            var (provider, model) = await defaults.GetAsync(tenant);
            return TypedResults.Ok(new
            {
                Providers = own,
                DefaultProvider = new { Provider = provider, Model = model },
                Budget = await budgets.StatusAsync(tenant),
            });
        });
        return app;
    }
}
