using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Pause and resume of an evaluation through the gateway, against the test kit's slow fake provider: items in flight
/// finish, nothing new starts while paused, and after resume every item is answered exactly once (the provider sees one
/// call per item).
/// </summary>
[Collection(PlatformCollection.Name)]
public class EvaluationPauseTests(PlatformFixture platform)
{
    private const int Items = 60;
    private readonly PlatformApi _api = new(platform.CreateClient(PlatformFixture.EvaluationApiKey));

    [Fact]
    public async Task A_paused_evaluation_finishes_its_items_in_flight_starts_none_and_after_resume_runs_each_remaining_item_once()
    {
        var scenario = platform.FakeOpenAi.Scenario(FakeProviders.Slow);
        scenario.Latency = TimeSpan.FromMilliseconds(600);
        scenario.ResetCounters();
        try
        {
            var marker = Guid.NewGuid().ToString("N")[..8];
            using var created = await _api.Client.PostAsJsonAsync("/api/datasets", new
            {
                name = $"pause-{marker}",
                items = Enumerable.Range(1, Items).Select(i => new { question = $"Pause test {marker}: what is {i} + {i}?", answers = new[] { $"{2 * i}" } }),
            });
            var dataset = (await PlatformApi.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString();
            using var started = await _api.Client.PostAsJsonAsync("/api/evaluations", new
            {
                name = "pause and resume", dataset_id = dataset, provider = FakeProviders.Slow, model = FakeProviders.Model,
                methods = new[] { new { method = "naive" } }, parameters = new { temperature = 0, max_tokens = 16 },
            });
            var id = (await PlatformApi.ReadAsync(started, HttpStatusCode.Created)).GetProperty("id").GetString();

            await WaitAsync(async () => (await StatusAsync(id)).GetProperty("completed_items").GetInt32() > 0, "the first answers");
            using (var pause = await _api.Client.PostAsync($"/api/evaluations/{id}/pause", null))
                Assert.Equal("paused", (await PlatformApi.ReadAsync(pause, HttpStatusCode.Accepted)).GetProperty("status").GetString());

            // Items in flight finish and are recorded; then nothing moves.
            await WaitAsync(() => Task.FromResult(scenario.InFlight == 0), "the calls in flight to finish");
            await Task.Delay(1_500);
            var paused = await StatusAsync(id);
            var requestsWhilePaused = scenario.Requests;
            await Task.Delay(3_000);
            var later = await StatusAsync(id);
            Assert.Equal("paused", later.GetProperty("status").GetString());
            var answered = later.GetProperty("completed_items").GetInt32() + later.GetProperty("failed_items").GetInt32();
            Assert.Equal(paused.GetProperty("completed_items").GetInt32() + paused.GetProperty("failed_items").GetInt32(), answered);
            Assert.Equal(requestsWhilePaused, scenario.Requests);
            Assert.InRange(answered, 1, Items - 1);
            Assert.Equal(answered, scenario.Requests);
            var waiting = (await _api.GetAsync($"/api/evaluations/{id}/items?status=paused")).GetProperty("total").GetInt32()
                + (await _api.GetAsync($"/api/evaluations/{id}/items?status=pending")).GetProperty("total").GetInt32();
            Assert.Equal(Items - answered, waiting);

            using (var again = await _api.Client.PostAsync($"/api/evaluations/{id}/pause", null))
                Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
            using (var resume = await _api.Client.PostAsync($"/api/evaluations/{id}/resume", null))
                Assert.Equal("running", (await PlatformApi.ReadAsync(resume, HttpStatusCode.Accepted)).GetProperty("status").GetString());

            await WaitAsync(async () => (await StatusAsync(id)).GetProperty("status").GetString() != "running", "the evaluation to finish", 120);
            var finished = await StatusAsync(id);
            Assert.Equal("completed", finished.GetProperty("status").GetString());
            Assert.Equal(Items, finished.GetProperty("completed_items").GetInt32());
            // Exactly one provider call per item: none lost, none run twice.
            Assert.Equal(Items, scenario.Requests);
            Assert.Equal(Items, (await _api.GetAsync($"/api/evaluations/{id}/items?status=completed&page_size=100")).GetProperty("total").GetInt32());
            using (var late = await _api.Client.PostAsync($"/api/evaluations/{id}/resume", null))
                Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        }
        finally
        {
            scenario.Latency = TimeSpan.Zero;
        }
    }

    private Task<JsonElement> StatusAsync(string? id) => _api.GetAsync($"/api/evaluations/{id}/status");

    private static async Task WaitAsync(Func<Task<bool>> done, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"gave up waiting for {what} after {seconds} s");
            await Task.Delay(200);
        }
    }
}
