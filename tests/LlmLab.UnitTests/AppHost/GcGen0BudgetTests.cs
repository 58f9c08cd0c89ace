using LlmLab.AppHost;
using LlmLab.AppHost.Model;
using LlmLab.AppHost.Processes;
using LlmLab.AppHost.Security;
using Microsoft.Extensions.Configuration;

namespace LlmLab.UnitTests.AppHost;

public sealed class GcGen0BudgetTests
{
    [Theory]
    [InlineData(4, "0x400000")]
    [InlineData(16, "0x1000000")]
    public void Every_service_is_given_the_budget_in_the_hexadecimal_bytes_the_runtime_reads(int mib, string expected)
    {
        foreach (var project in PlatformModel.Projects)
        {
            Assert.Equal(expected, EnvironmentOf(project, new LauncherOptions { GcGen0BudgetMiB = mib })["DOTNET_GCgen0size"]);
        }
    }

    [Fact]
    public void Zero_leaves_the_runtime_its_own_budget_and_a_negative_budget_is_refused_naming_the_setting()
    {
        Assert.False(EnvironmentOf(PlatformModel.Projects[0], new LauncherOptions { GcGen0BudgetMiB = 0 }).ContainsKey("DOTNET_GCgen0size"));
        Assert.Equal(4, LauncherSetup.Resolve(new ConfigurationBuilder().Build()).GcGen0BudgetMiB);
        var error = Assert.Throws<ArgumentException>(() => LauncherSetup.Resolve(new ConfigurationBuilder().AddCommandLine(["--AppHost:GcGen0BudgetMiB=-1"]).Build()));
        Assert.StartsWith("AppHost:GcGen0BudgetMiB:", error.Message);
    }

    private static Dictionary<string, string> EnvironmentOf(ProjectResource project, LauncherOptions options)
    {
        var endpoints = PlatformModel.Projects.ToDictionary(p => p.Name, p => new Endpoints(7000, p.HasGrpcEndpoint ? 7001 : null));
        var servers = new Dictionary<string, string> { ["postgres"] = "Host=x", ["redis"] = "r", ["rabbitmq"] = "amqp://x" };
        return ServiceEnvironment.For(project, endpoints[project.Name], endpoints, servers, new PlatformSecrets { InternalTokenKey = "k", KeyEncryptionKey = "e" }, options);
    }
}
