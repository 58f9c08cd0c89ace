namespace LlmLab.IntegrationTests.Platform;

/// <summary>A tenant of its own for the rollup tests: tenant-wide views must see only the rows the test wrote.</summary>
public static class RollupTenant
{
    public const string Tenant = "rollup-tenant";
    public const string Key = "rollup-tenant-test-key";

    // A high list index, clear of the other tests' keys.
    public static IEnumerable<string> AppHostArguments() =>
    [
        $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__45__Key={Key}",
        $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__45__Tenant={Tenant}",
    ];
}
