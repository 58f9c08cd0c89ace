using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// The AppHost itself: a clear message when a server is missing. That SIGTERM stops every process is proven by
/// <see cref="PlatformRestartTests"/>, which stops a platform with a run in flight (one platform start fewer in the suite).
/// </summary>
public class AppHostLifecycleTests
{
    [Fact]
    public async Task A_missing_server_binary_is_a_clear_message_naming_the_install_command_not_a_stack_trace()
    {
        await using var appHost = AppHostProcess.Start("missing-redis", "--AppHost:Binaries:RedisServer=/nonexistent/redis-server");
        var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(2, exitCode);
        Assert.Contains("Redis (redis-server) is not installed", appHost.Output, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y redis-server", appHost.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", appHost.Output, StringComparison.Ordinal);
        Assert.Empty(ProcessProbe.ProcessesUsing(appHost.DataDirectory));
    }
}
