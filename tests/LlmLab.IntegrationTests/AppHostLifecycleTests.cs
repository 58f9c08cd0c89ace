using System.Diagnostics;
using System.Net.Http.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>The AppHost itself: a clear message when a server is missing, and nothing left running after it stops.</summary>
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
        Assert.Empty(ProcessesUsing(appHost.DataDirectory));
    }

    [Fact]
    public async Task Sigterm_stops_every_service_and_server_and_leaves_no_process_behind()
    {
        await using var appHost = AppHostProcess.Start("sigterm");
        await appHost.WaitUntilRunningAsync(TimeSpan.FromMinutes(5));
        var running = appHost.ReadState()!;
        using (var client = new HttpClient { BaseAddress = new Uri(appHost.GatewayUrl) })
        {
            var health = await client.GetFromJsonAsync<HealthAnswer>("/api/health");
            Assert.Equal("healthy", health!.Status);
        }
        var pids = running.Resources.Select(r => r.Pid).OfType<int>().ToList();
        Assert.Equal(running.Resources.Count, pids.Count);

        var exitCode = await appHost.StopAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(0, exitCode);
        Assert.All(pids, pid => Assert.False(IsAlive(pid), $"process {pid} is still running"));
        Assert.Empty(ProcessesUsing(appHost.DataDirectory));
        var stopped = appHost.ReadState()!;
        Assert.Equal("stopped", stopped.State);
        Assert.All(stopped.Resources, r => Assert.Null(r.Pid));
    }

    /// <summary>A zombie (exited, not yet reaped by init — daemonised PostgreSQL's parent is init) counts as stopped.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static List<string> ProcessesUsing(string dataDirectory)
    {
        using var pgrep = Process.Start(new ProcessStartInfo("pgrep", ["-af", dataDirectory]) { RedirectStandardOutput = true })!;
        var output = pgrep.StandardOutput.ReadToEnd();
        pgrep.WaitForExit();
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains("pgrep", StringComparison.Ordinal)).ToList();
    }

    private sealed record HealthAnswer(string Status);
}
