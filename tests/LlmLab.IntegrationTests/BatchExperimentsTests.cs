using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class BatchExperimentsTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    private async Task<JsonElement> CreateAsync(object body) =>
        await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/experiments/batch", body), HttpStatusCode.Created);

    private async Task<HttpStatusCode> PostAsync(string path) => (await _api.Client.PostAsync(path, null)).StatusCode;

    [Fact]
    public async Task A_batch_over_ranges_and_lists_is_created_pending_with_its_counts_and_estimates_then_runs_to_completion()
    {
        var created = await CreateAsync(new
        {
            name = "sweep", prompt = "Explain how rain forms.", provider = "local", response_count = 2,
            parameter_ranges = new
            {
                temperature = new { min = 0.1, max = 1.0, step = 0.3 }, top_p = new[] { 0.5, 1.0 }, frequency_penalty = new[] { 0.0, 0.5 },
                max_tokens = new[] { 20, 40 }, prompt = new[] { "Explain rain.", "Describe the ocean." },
            },
        });
        Assert.Equal("pending", created.GetProperty("status").GetString());
        Assert.Equal(4 * 2 * 2 * 2 * 2, created.GetProperty("total_combinations").GetInt32());
        Assert.Equal(128, created.GetProperty("total_calls").GetInt32());
        Assert.True(created.GetProperty("estimated_duration").GetDouble() > 0);
        var id = created.GetProperty("id").GetGuid();

        var details = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/experiments/batch/{id}"), HttpStatusCode.OK);
        Assert.Equal(0.3, details.GetProperty("parameter_ranges").GetProperty("temperature").GetProperty("step").GetDouble());
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync($"/api/experiments/batch/{id}/pause"));

        Assert.Equal(HttpStatusCode.Accepted, await PostAsync($"/api/experiments/batch/{id}/start"));
        var status = await _api.WaitForRunAsync(id, TimeSpan.FromMinutes(2));
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(128, status.GetProperty("completed_combinations").GetInt32());
        var items = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/experiments/batch/{id}/items?page_size=1000"), HttpStatusCode.OK);
        var temperatures = items.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("temperature").GetDouble().ToString(CultureInfo.InvariantCulture)).Distinct().Order();
        Assert.Equal(["0.1", "0.4", "0.7", "1"], temperatures);

        Assert.Equal(HttpStatusCode.Conflict, await PostAsync($"/api/experiments/batch/{id}/start"));
        var list = await PlatformApi.ReadAsync(await _api.Client.GetAsync("/api/experiments/batch?page_size=500"), HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await _api.Client.DeleteAsync($"/api/experiments/batch/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Client.GetAsync($"/api/experiments/batch/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_paused_run_starts_nothing_new_and_finishes_after_resume_with_every_call_once()
    {
        var id = (await CreateAsync(new
        {
            name = "pause", prompt = "Explain rain.", provider = "simulated", model = "simulated-slow", response_count = 4,
            parameter_ranges = new { temperature = new[] { 0.3, 0.9 }, max_tokens = new[] { 10 } },
        })).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync($"/api/experiments/batch/{id}/start"));
        await Task.Delay(300);
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync($"/api/experiments/batch/{id}/pause"));

        // In-flight calls finish; then the count stays put while paused.
        await Task.Delay(2_500);
        var paused = await _api.StatusAsync(id);
        Assert.Equal("paused", paused.GetProperty("status").GetString());
        var done = paused.GetProperty("completed_combinations").GetInt32();
        await Task.Delay(2_000);
        Assert.Equal(done, (await _api.StatusAsync(id)).GetProperty("completed_combinations").GetInt32());
        Assert.True(done < 8, $"{done} of 8 finished while paused");

        Assert.Equal(HttpStatusCode.Accepted, await PostAsync($"/api/experiments/batch/{id}/start"));
        var status = await _api.WaitForRunAsync(id, TimeSpan.FromMinutes(2));
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(8, status.GetProperty("completed_combinations").GetInt32());
        var items = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/experiments/batch/{id}/items?status=completed"), HttpStatusCode.OK);
        Assert.Equal(8, items.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Cancelling_stops_a_run_and_retry_errors_reruns_only_the_failed_items()
    {
        var cancelled = (await CreateAsync(new { name = "cancel", prompt = "Explain rain.", provider = "simulated", model = "simulated-slow", response_count = 6 })).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync($"/api/experiments/batch/{cancelled}/start"));
        Assert.Equal(HttpStatusCode.Accepted, (await _api.Client.DeleteAsync($"/api/experiments/batch/{cancelled}")).StatusCode);
        Assert.Equal("cancelled", (await _api.StatusAsync(cancelled)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync($"/api/experiments/batch/{cancelled}/start"));

        var broken = (await CreateAsync(new { name = "errors", prompt = "Explain rain.", provider = "simulated-broken", model = "simulated-down", response_count = 2 })).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync($"/api/experiments/batch/{broken}/retry-errors"));
        Assert.Equal(HttpStatusCode.Accepted, await PostAsync($"/api/experiments/batch/{broken}/start"));
        Assert.Equal("failed", (await _api.WaitForRunAsync(broken, TimeSpan.FromMinutes(2))).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.Accepted, await PostAsync($"/api/experiments/batch/{broken}/retry-errors"));
        var again = await _api.WaitForRunAsync(broken, TimeSpan.FromMinutes(2));
        Assert.Equal("failed", again.GetProperty("status").GetString());
        Assert.Equal(2, again.GetProperty("failed_combinations").GetInt32());
    }

    [Fact]
    public async Task Invalid_batch_definitions_are_422_naming_the_field_and_create_nothing()
    {
        var before = (await PlatformApi.ReadAsync(await _api.Client.GetAsync("/api/experiments/batch?page_size=1"), HttpStatusCode.OK)).GetProperty("total").GetInt32();
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/experiments/batch",
            new { name = "bad", prompt = "p", parameter_ranges = new { temperature = new { min = 0, max = 1, step = 0 } } }), HttpStatusCode.UnprocessableEntity, "parameter_ranges.temperature.step");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/experiments/batch",
            new { name = "bad", prompt = "p", response_count = 100, parameter_ranges = new { temperature = new { min = 0, max = 2, step = 0.01 } } }), HttpStatusCode.UnprocessableEntity, "parameter_ranges");
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync($"/api/experiments/batch/{Guid.NewGuid()}/start"));
        var after = (await PlatformApi.ReadAsync(await _api.Client.GetAsync("/api/experiments/batch?page_size=1"), HttpStatusCode.OK)).GetProperty("total").GetInt32();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Analysis_aggregates_every_parameter_value_and_optimization_backs_each_optimum_with_a_test()
    {
        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("analysis"));
        var runId = await _api.GenerateAsync(experimentId);
        await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));

        var analysis = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/experiments/batch/{runId}/analysis"), HttpStatusCode.OK);
        Assert.Equal(18, analysis.GetProperty("sample_size").GetInt32());
        var temperatures = analysis.GetProperty("parameters").GetProperty("temperature").EnumerateArray().ToList();
        Assert.Equal(["0.2", "0.6", "1"], temperatures.Select(t => t.GetProperty("value").GetString()));
        Assert.All(temperatures, t =>
        {
            Assert.Equal(6, t.GetProperty("count").GetInt32());
            Assert.Equal(6, t.GetProperty("metrics").GetProperty("overall_score").GetProperty("count").GetInt32());
        });

        var optimization = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/experiments/batch/{runId}/optimization"), HttpStatusCode.OK);
        var optimal = optimization.GetProperty("optimal_parameters");
        Assert.Contains(optimal.GetProperty("temperature").GetString(), new[] { "0.2", "0.6", "1" });
        Assert.Contains(optimal.GetProperty("top_p").GetString(), new[] { "0.5", "0.75", "1" });
        Assert.All(optimization.GetProperty("parameters").EnumerateArray(), p =>
        {
            Assert.InRange(p.GetProperty("confidence").GetDouble(), 0, 1);
            Assert.Equal(1, p.GetProperty("confidence").GetDouble() + p.GetProperty("p_value").GetDouble(), 3);
            Assert.Equal(18, p.GetProperty("best_count").GetInt32() + p.GetProperty("others_count").GetInt32());
            Assert.True(p.GetProperty("best_mean_overall").GetDouble() >= p.GetProperty("worst_mean_overall").GetDouble());
        });
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Client.GetAsync($"/api/experiments/batch/{Guid.NewGuid()}/analysis")).StatusCode);
    }
}
