using StackExchange.Redis;

namespace LlmLab.LlmIntegration.Domain;

/// <summary>Where a provider comes from and who may see, change and use it.</summary>
public enum ProviderScope
{
    /// <summary>Llm:Providers in configuration: every tenant uses it, nobody changes it through the API.</summary>
    Configuration,
    /// <summary>Published by an admin: every tenant uses it; only admins change it; nobody reads its key.</summary>
    Shared,
    /// <summary>Added by a tenant: only that tenant sees, uses, changes or deletes it.</summary>
    Tenant,
}

/// <summary>The owner of runtime providers: one tenant, or the shared set an admin publishes.</summary>
public sealed record ProviderOwner(ProviderScope Scope, string TenantId)
{
    public static readonly ProviderOwner Shared = new(ProviderScope.Shared, "");

    public static ProviderOwner Tenant(string tenantId) => new(ProviderScope.Tenant, tenantId);

    /// <summary>The Redis hash of this owner's providers; a tenant id always sits between fixed parts, so ids cannot collide.</summary>
    public RedisKey HashKey => Scope == ProviderScope.Shared ? "llmlab:shared:providers" : $"llmlab:tenant:{TenantId}:providers";

    /// <summary>The Data Protection purpose of this owner's keys: a ciphertext copied into another owner's hash does not decrypt there.</summary>
    public string Purpose => Scope == ProviderScope.Shared ? "shared" : $"tenant:{TenantId}";

    /// <summary>Unique across owners: keys the chat clients, the limits and the circuit breakers of runtime providers.</summary>
    public string IdentityOf(string provider) => Scope == ProviderScope.Shared ? $"shared/{provider}" : $"tenant/{TenantId}/{provider}";
}
