using LlmLab.AppHost;
using LlmLab.AppHost.WarmUp;
using Microsoft.Extensions.Configuration;

namespace LlmLab.UnitTests.AppHost;

public sealed class PlatformWarmUpTests
{
    [Theory]
    [InlineData("-10")]
    [InlineData("15")]
    public void A_call_count_that_is_not_a_multiple_of_ten_is_refused_naming_the_setting(string calls)
    {
        var error = Assert.Throws<ArgumentException>(() => LauncherSetup.Resolve(Configuration([$"--AppHost:WarmUp:Calls={calls}"])));

        Assert.StartsWith("AppHost:WarmUp:Calls:", error.Message);
    }

    [Fact]
    public void A_timeout_below_one_second_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => LauncherSetup.Resolve(Configuration(["--AppHost:WarmUp:TimeoutSeconds=0"])));

        Assert.StartsWith("AppHost:WarmUp:TimeoutSeconds:", error.Message);
    }

    [Fact]
    public void The_gateway_gets_a_fresh_key_for_the_warm_up_tenant_on_every_start_and_none_when_it_is_off()
    {
        var first = new PlatformWarmUp(new WarmUpOptions(), _ => { }).GatewayEnvironment().ToDictionary();
        var second = new PlatformWarmUp(new WarmUpOptions(), _ => { }).GatewayEnvironment().ToDictionary();
        var off = new PlatformWarmUp(LauncherSetup.Resolve(Configuration(["--AppHost:WarmUp:Calls=0"])).WarmUp, _ => { });

        Assert.Equal(PlatformWarmUp.Tenant, first["Gateway__ApiKeys__9999__Tenant"]);
        Assert.True(first["Gateway__ApiKeys__9999__Key"].Length >= 48);
        Assert.NotEqual(first["Gateway__ApiKeys__9999__Key"], second["Gateway__ApiKeys__9999__Key"]);
        Assert.False(off.Enabled);
        Assert.Empty(off.GatewayEnvironment());
    }

    private static IConfiguration Configuration(string[] args) => new ConfigurationBuilder().AddCommandLine(args).Build();
}
