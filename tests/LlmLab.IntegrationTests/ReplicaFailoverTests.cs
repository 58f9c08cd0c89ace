using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// The gateway routes around a dead replica: with two batch processes behind it, one is killed and every GET sent while
/// it is down and restarting still gets its answer (the dead destination's requests are sent once more to the other, and
/// it is taken out of the cluster until it answers). Without that, the killed replica's share got 502.
/// </summary>
[Collection(ReplicasPlatformCollection.Name)]
public sealed class ReplicaFailoverTests(ReplicasPlatformFixture platform)
{
    private const string Read = "/api/experiments/batch?limit=5";

    [Fact]
    public async Task Gets_through_the_gateway_get_no_502_while_one_of_two_batch_replicas_is_killed_and_restarted()
    {
        using var client = platform.CreateClient();
        for (var i = 0; i < 4; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Read)).StatusCode);

        var gatewayLog = Path.Combine(platform.AppHost.DataDirectory, "logs", "gateway.log");
        var logBefore = new FileInfo(gatewayLog).Length;
        var victim = platform.AppHost.ReadState()!.Resource("batch-2");
        Assert.Equal("running", victim.State);
        using (var kill = Process.Start("kill", ["-KILL", victim.Pid!.Value.ToString()])) await kill.WaitForExitAsync();
        // SIGKILL is delivered at once; the kernel closes the process's listening socket when it has died.
        var victimPort = new Uri(victim.Url).Port;
        var refusedBy = DateTime.UtcNow.AddSeconds(3);
        while (await AcceptsAsync(victimPort))
        {
            Assert.True(DateTime.UtcNow < refusedBy, "the killed replica still accepts connections after 3 s");
            await Task.Delay(10);
        }

        // 40 GETs from 4 clients at once, starting while batch-2 is down (the AppHost restarts it after 0.5 s and a
        // start-up of seconds); with two destinations, about half of the first ones are sent to the dead one.
        var statuses = new ConcurrentBag<HttpStatusCode>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = 0; i < 10; i++)
            {
                using var answer = await client.GetAsync(Read);
                statuses.Add(answer.StatusCode);
                await Task.Delay(20);
            }
        }));

        Assert.Equal(40, statuses.Count);
        Assert.Equal(0, statuses.Count(s => s == HttpStatusCode.BadGateway));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        // The refused connection took batch-2 out of the cluster (YARP logs the passive health check's verdict).
        Assert.Contains("by the passive health check is scheduled for a reactivation", await LogSinceAsync(gatewayLog, logBefore), StringComparison.Ordinal);

        // The AppHost restarts it, and the gateway takes it back.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        ResourceState restarted;
        while ((restarted = platform.AppHost.ReadState()!.Resource("batch-2")).Pid == victim.Pid || restarted.State != "running")
        {
            Assert.True(DateTime.UtcNow < deadline, "batch-2 was not restarted within 2 minutes");
            await Task.Delay(500);
        }
        for (var i = 0; i < 6; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Read)).StatusCode);
    }

    private static async Task<string> LogSinceAsync(string path, long offset)
    {
        await using var log = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        log.Seek(offset, SeekOrigin.Begin);
        return await new StreamReader(log).ReadToEndAsync();
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var socket = new TcpClient();
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
