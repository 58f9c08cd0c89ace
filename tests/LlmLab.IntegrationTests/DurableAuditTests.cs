using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>Audit records survive a gateway crash: they are journalled in Redis before the answer leaves the gateway.</summary>
[Collection(PlatformCollection.Name)]
public class DurableAuditTests(PlatformFixture platform)
{
    private const string Journal = "llmlab:audit:journal";

    [Fact]
    public async Task Audit_records_of_answered_requests_are_recorded_after_the_gateway_is_killed()
    {
        using var client = platform.CreateClient();
        var api = new PlatformApi(client);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add(await api.CreateExperimentAsync(PlatformApi.Grid3x3($"audit-crash {i}")));
        using var redis = await new PlatformStores(platform).ConnectRedisAsync();
        var db = redis.GetDatabase();

        // Identity cannot take records while the requests are answered, so they can only be in the journal when the gateway dies.
        var identityPid = platform.ReadState()!.Resource("identity").Pid!.Value;
        var gatewayPid = platform.ReadState()!.Resource("gateway").Pid!.Value;
        await SignalAsync("STOP", identityPid);
        try
        {
            foreach (var id in ids)
            {
                using var updated = await client.PutAsJsonAsync($"/api/experiments/{id}", new { description = "changed before the crash" });
                Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            }
            var journalled = (await db.StreamRangeAsync(Journal)).Select(e => e["record"].ToString()).ToList();
            Assert.All(ids, id => Assert.Contains(journalled, r => r.Contains(id.ToString(), StringComparison.Ordinal)));
            await SignalAsync("KILL", gatewayPid);
        }
        finally
        {
            await SignalAsync("CONT", identityPid);
        }

        // The AppHost starts the gateway again; the journal reaches identity.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        HashSet<string> recorded = [];
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync("/api/audit?action=request&page_size=200");
                if (response.IsSuccessStatusCode)
                {
                    var page = await PlatformApi.ReadAsync(response, HttpStatusCode.OK);
                    recorded = page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("method").GetString() == "PUT")
                        .Select(e => e.GetProperty("path").GetString()!).ToHashSet();
                    if (ids.All(id => recorded.Contains($"/api/experiments/{id}"))) break;
                }
            }
            catch (HttpRequestException)
            {
                // the gateway is starting again
            }
            await Task.Delay(500);
        }
        Assert.All(ids, id => Assert.Contains($"/api/experiments/{id}", recorded));
        Assert.NotEqual(gatewayPid, platform.ReadState()!.Resource("gateway").Pid);
    }

    private static async Task SignalAsync(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
