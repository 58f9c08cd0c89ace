namespace LlmLab.IntegrationTests.Platform;

/// <summary>
/// Tenants of their own for the provider-isolation and secret tests (two users of different tenants, a user whose
/// provider key is the canary, an admin of a third tenant), and the settings those tests rely on: loopback 127.0.0.1 allowed for outbound provider calls (the test kit's fake providers run there) — only
/// that address, so the tests can show other loopback addresses are still refused.
/// </summary>
public static class ProviderTenants
{
    public const string TenantA = "prov-a";
    public const string TenantB = "prov-b";
    public const string CanaryTenant = "prov-canary";
    public const string AdminTenant = "prov-admin";
    public const string KeyA = "prov-a-test-key";
    public const string KeyB = "prov-b-test-key";
    public const string CanaryKey = "prov-canary-test-key";
    public const string AdminKey = "prov-admin-test-key";

    // High list indexes, so keys other tests add at 1, 2, … are not overwritten.
    public static IEnumerable<string> AppHostArguments() =>
    [
        // Providers are managed by a tenant's admins (llm:manage); only AdminTenant may publish shared ones.
        .. ApiKey(20, KeyA, TenantA, "admin"),
        .. ApiKey(21, KeyB, TenantB, "admin"),
        .. ApiKey(22, CanaryKey, CanaryTenant, "admin"),
        .. ApiKey(23, AdminKey, AdminTenant, "admin"),
        $"--AppHost:ServiceEnvironment:Llm__SharedProviderPublishers__0={AdminTenant}",
        "--AppHost:ServiceEnvironment:Llm__Outbound__AllowedNetworks__0=127.0.0.1/32",
    ];

    private static IEnumerable<string> ApiKey(int index, string key, string tenant, string role) =>
    [
        $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__{index}__Key={key}",
        $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__{index}__Tenant={tenant}",
        $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__{index}__Role={role}",
    ];
}
