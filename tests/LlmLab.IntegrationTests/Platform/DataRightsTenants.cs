namespace LlmLab.IntegrationTests.Platform;

/// <summary>Two tenants of their own for the data-rights tests: one is exported and erased, the other must stay whole.</summary>
public static class DataRightsTenants
{
    public const string TenantA = "rights-a";
    public const string TenantB = "rights-b";
    public const string KeyA = "rights-a-test-key";
    public const string KeyB = "rights-b-test-key";

    // High list indexes, clear of the other tests' keys.
    public static IEnumerable<string> AppHostArguments() =>
    [
        $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__40__Key={KeyA}",
        $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__40__Tenant={TenantA}",
        $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__41__Key={KeyB}",
        $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__41__Tenant={TenantB}",
    ];
}
