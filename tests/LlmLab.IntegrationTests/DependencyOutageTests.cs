using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>A platform service that stops answering makes the requests that need it a 503 naming it, never a 500.</summary>
[Collection(PlatformCollection.Name)]
public class DependencyOutageTests(PlatformFixture platform)
{
    [Fact]
    public async Task Creating_an_experiment_while_llm_integration_is_stopped_is_a_503_naming_it_and_creates_nothing()
    {
        using var client = platform.CreateClient();
        var api = new PlatformApi(client);
        var name = $"outage {Guid.NewGuid():N}";
        var pid = platform.ReadState()!.Resource("llm-integration").Pid!.Value;
        await SignalAsync("STOP", pid);
        HttpResponseMessage refused;
        var watch = Stopwatch.StartNew();
        try
        {
            refused = await client.PostAsJsonAsync("/api/experiments", PlatformApi.Grid3x3(name));
        }
        finally
        {
            await SignalAsync("CONT", pid);
        }
        using (refused)
        {
            var problem = await PlatformApi.ReadAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("llm-integration", problem.GetProperty("dependency").GetString());
            Assert.Contains("llm-integration", problem.GetProperty("detail").GetString());
            Assert.Equal("5", PlatformApi.Header(refused, "Retry-After"));
        }
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        var listed = await api.GetAsync($"/api/experiments?q={Uri.EscapeDataString(name)}");
        Assert.Equal(0, listed.GetProperty("total").GetInt32());

        // Back: the same request succeeds.
        Assert.NotEqual(Guid.Empty, await api.CreateExperimentAsync(PlatformApi.Grid3x3(name)));
    }

    private static async Task SignalAsync(string signal, int pid)
    {
        using var kill = Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
