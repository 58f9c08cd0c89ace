namespace LlmLab.IntegrationTests.Platform;

/// <summary>A tenant of its own for the CLI tests: the examples' experiments (reused by name) never meet other tests' data.</summary>
public static class CliTenant
{
    public const string Tenant = "cli-tenant";
    public const string Key = "cli-tenant-test-key";

    // A high list index, clear of the other tests' keys.
    public static IEnumerable<string> AppHostArguments() =>
    [
        $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__50__Key={Key}",
        $"--AppHost:ServiceEnvironment:Gateway__ApiKeys__50__Tenant={Tenant}",
    ];
}
