using LlmLab.LlmIntegration.Domain;
using LlmLab.ServiceKit.Outbound;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.LlmIntegration.Apis;

/// <summary>
/// Adding, changing and deleting runtime providers. A tenant's providers belong to it alone: another tenant finds
/// nothing under their name (404) and adding the same name creates its own. Shared providers are published and changed only by an admin of a tenant the operator lists in
/// Llm:SharedProviderPublishers (a tenant admin elsewhere could otherwise redirect every tenant's prompts).
/// A provider's key is encrypted when stored and never shown again.
/// </summary>
public static class ProviderChangesApi
{
    public static async Task<Results<Created<ProviderInfo>, ProblemHttpResult>> AddAsync(NewProvider body, HttpContext http, ProviderCatalog catalog,
        RuntimeProviderStore store, OutboundUrlCheck urls, CancellationToken ct)
    {
        var caller = http.Caller()!;
        var owner = body.Shared == true ? ProviderOwner.Shared : ProviderOwner.Tenant(caller.TenantId);
        if (owner.Scope == ProviderScope.Shared && !catalog.Options.MayPublishShared(caller))
            return Forbidden("Only an admin of a tenant listed in Llm:SharedProviderPublishers can publish a shared provider.");
        var errors = NewProviderValidator.Validate(body, catalog.Options.Providers.Keys, apiKeyRequired: true);
        await CheckBaseUrlAsync(body.BaseUrl, urls, errors, ct);
        if (errors.Count > 0) return Problems.Invalid(errors);

        var name = body.Name!.ToLowerInvariant();
        if (await store.ExistsAsync(owner, name))
            return Problems.Invalid("name", $"'{name}' already exists; change it with PUT /api/llm/providers/{name}.", StatusCodes.Status409Conflict);
        if (owner.Scope == ProviderScope.Tenant && await store.ExistsAsync(ProviderOwner.Shared, name))
            return Problems.Invalid("name", $"'{name}' is a shared provider; choose another name.");

        var definition = NewProviderValidator.ToDefinition(body, body.ApiKey!);
        await store.SaveAsync(owner, name, definition);
        await catalog.ReloadAsync(owner);
        return TypedResults.Created($"/api/llm/providers/{name}", ProviderInfo.Of(new CatalogEntry(name, definition, owner.Scope, owner.IdentityOf(name)), catalog.Options.MayPublishShared(caller)));
    }

    public static async Task<Results<Ok<ProviderInfo>, ProblemHttpResult>> UpdateAsync(string name, NewProvider body, HttpContext http, ProviderCatalog catalog,
        RuntimeProviderStore store, OutboundUrlCheck urls, CancellationToken ct)
    {
        var caller = http.Caller()!;
        name = name.ToLowerInvariant();
        var (owner, refusal) = await OwnerToChangeAsync(name, caller, catalog, store);
        if (refusal is not null) return refusal;
        var existing = (await catalog.ReloadAsync(owner!)).GetValueOrDefault(name);
        if (existing is null) return Problems.NotFound("Provider", name);

        if (body.Name is not null && !string.Equals(body.Name, name, StringComparison.OrdinalIgnoreCase))
            return Problems.Invalid("name", "must be the name in the URL (a provider cannot be renamed).");
        if (body.Shared is { } shared && shared != (owner!.Scope == ProviderScope.Shared))
            return Problems.Invalid("shared", "cannot change; delete the provider and add it again.");
        // A key stays only with the endpoint it was given for: a new base_url needs the key again.
        var keyRequired = !string.Equals(body.BaseUrl ?? "", existing.BaseUrl, StringComparison.Ordinal);
        var errors = NewProviderValidator.Validate(body with { Name = name }, catalog.Options.Providers.Keys, keyRequired);
        if (keyRequired && errors.ContainsKey("api_key")) errors["api_key"] = ["is required when base_url changes."];
        await CheckBaseUrlAsync(body.BaseUrl, urls, errors, ct);
        if (errors.Count > 0) return Problems.Invalid(errors);

        var definition = NewProviderValidator.ToDefinition(body, string.IsNullOrEmpty(body.ApiKey) ? existing.ApiKey : body.ApiKey);
        await store.SaveAsync(owner!, name, definition);
        await catalog.ReloadAsync(owner!);
        return TypedResults.Ok(ProviderInfo.Of(new CatalogEntry(name, definition, owner!.Scope, owner.IdentityOf(name)), catalog.Options.MayPublishShared(caller)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string name, HttpContext http, ProviderCatalog catalog, RuntimeProviderStore store)
    {
        var (owner, refusal) = await OwnerToChangeAsync(name.ToLowerInvariant(), http.Caller()!, catalog, store);
        if (refusal is not null) return refusal;
        if (!await store.DeleteAsync(owner!, name)) return Problems.NotFound("Provider", name);
        await catalog.ReloadAsync(owner!);
        return TypedResults.NoContent();
    }

    /// <summary>The owner whose provider of this name the caller may change: its own tenant first, then shared (admins only).</summary>
    private static async Task<(ProviderOwner? Owner, ProblemHttpResult? Refusal)> OwnerToChangeAsync(string name, CallerIdentity caller, ProviderCatalog catalog, RuntimeProviderStore store)
    {
        if (catalog.Options.Providers.ContainsKey(name))
            return (null, Problems.Conflict($"'{name}' comes from configuration and cannot be changed or deleted through the API."));
        var own = ProviderOwner.Tenant(caller.TenantId);
        if (await store.ExistsAsync(own, name)) return (own, null);
        if (!await store.ExistsAsync(ProviderOwner.Shared, name)) return (null, Problems.NotFound("Provider", name));
        return catalog.Options.MayPublishShared(caller)
            ? (ProviderOwner.Shared, null)
            : (null, Forbidden($"'{name}' is a shared provider; only an admin of a publishing tenant can change or delete it."));
    }

    private static async Task CheckBaseUrlAsync(string? baseUrl, OutboundUrlCheck urls, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(baseUrl) || errors.ContainsKey("base_url")) return;
        if (await urls.ProblemAsync(baseUrl, ct) is { } problem) errors["base_url"] = [problem];
    }

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Forbidden", detail: detail, statusCode: StatusCodes.Status403Forbidden);
}
