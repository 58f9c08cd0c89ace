using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>Quality gates through the gateway: evaluated when a run of the built-in engine finishes, each check with its value and reason.</summary>
[Collection(PlatformCollection.Name)]
public class GateTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    /// <summary>Polls GET /api/runs/{id}/gate until the gate is evaluated (409 while the run's responses are still arriving).</summary>
    public static async Task<JsonElement> WaitForGateAsync(HttpClient client, Guid runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var response = await client.GetAsync($"/api/runs/{runId}/gate");
            if (response.StatusCode == HttpStatusCode.OK) return await PlatformApi.ReadAsync(response, HttpStatusCode.OK);
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The gate of run {runId} was not evaluated in 90 s.");
            await Task.Delay(300);
        }
    }

    private static JsonElement CheckOf(JsonElement gate, string metric, string op) =>
        gate.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("metric").GetString() == metric && c.GetProperty("op").GetString() == op);

    [Fact]
    public async Task A_run_that_meets_the_thresholds_passes_and_one_that_misses_a_threshold_fails_with_the_reason()
    {
        await PlatformReadiness.WaitUntilHealthyAsync(_api.Client, TimeSpan.FromMinutes(5));
        var experiment = await _api.CreateExperimentAsync(PlatformApi.Grid3x3($"gate-{Guid.NewGuid():N}"));
        var saved = await PlatformApi.ReadAsync(await _api.Client.PutAsJsonAsync($"/api/experiments/{experiment}/gates", new
        {
            checks = new object[]
            {
                new { metric = "overall_score", op = ">=", value = 1 },
                new { metric = "latency_p95_ms", op = "<=", value = 600_000 },
                new { metric = "cost_usd", op = "<=", value = 10 },
                new { metric = "failure_rate", op = "<=", value = 0 },
            },
            no_significant_regression = true,
        }), HttpStatusCode.OK);
        Assert.Equal(4, saved.GetProperty("checks").GetArrayLength());

        var first = await _api.GenerateAsync(experiment);
        Assert.Equal("completed", (await _api.WaitForRunAsync(first, TimeSpan.FromMinutes(2))).GetProperty("status").GetString());
        var passed = await WaitForGateAsync(_api.Client, first);
        Assert.True(passed.GetProperty("passed").GetBoolean(), passed.ToString());
        Assert.Equal(18, passed.GetProperty("responses_scored").GetInt32());
        Assert.Equal(5, passed.GetProperty("checks").GetArrayLength());
        var score = CheckOf(passed, "overall_score", ">=");
        Assert.InRange(score.GetProperty("actual").GetDouble(), 1, 100);
        Assert.True(CheckOf(passed, "latency_p95_ms", "<=").GetProperty("actual").GetDouble() > 0);
        Assert.Equal(0, CheckOf(passed, "failure_rate", "<=").GetProperty("actual").GetDouble());
        Assert.Contains("first finished run", CheckOf(passed, "overall_score", "no_significant_regression").GetProperty("reason").GetString());

        // The second run must reach a mean score above 100, which no run can: the gate fails and says why; the
        // regression check compares it item by item with the first run, the same grid.
        await PlatformApi.ReadAsync(await _api.Client.PutAsJsonAsync($"/api/experiments/{experiment}/gates", new
        {
            checks = new[] { new { metric = "overall_score", op = ">=", value = 101.0 }, new { metric = "failure_rate", op = "<=", value = 0.0 } },
            no_significant_regression = true,
            baseline_run_id = first,
        }), HttpStatusCode.OK);
        var second = await _api.GenerateAsync(experiment);
        await _api.WaitForRunAsync(second, TimeSpan.FromMinutes(2));
        var failed = await WaitForGateAsync(_api.Client, second);
        Assert.False(failed.GetProperty("passed").GetBoolean(), failed.ToString());
        var missed = CheckOf(failed, "overall_score", ">=");
        Assert.False(missed.GetProperty("passed").GetBoolean());
        Assert.Contains("below the minimum 101", missed.GetProperty("reason").GetString());
        Assert.True(CheckOf(failed, "failure_rate", "<=").GetProperty("passed").GetBoolean());
        var regression = CheckOf(failed, "overall_score", "no_significant_regression");
        Assert.Equal(first, regression.GetProperty("baseline_run_id").GetGuid());
        Assert.Equal(18, regression.GetProperty("n").GetInt32());
        Assert.Equal(2, regression.GetProperty("ci95").GetArrayLength());

        // The first run's result is kept as it was evaluated.
        Assert.True((await WaitForGateAsync(_api.Client, first)).GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task Bad_gates_and_unknown_ids_are_refused_naming_the_field()
    {
        await PlatformReadiness.WaitUntilHealthyAsync(_api.Client, TimeSpan.FromMinutes(5));
        var experiment = await _api.CreateExperimentAsync(PlatformApi.Grid3x3($"gate-bad-{Guid.NewGuid():N}"));
        await PlatformApi.ExpectProblemAsync(await _api.Client.PutAsJsonAsync($"/api/experiments/{experiment}/gates",
            new[] { new { metric = "overall_score", op = ">", value = 1 } }), HttpStatusCode.UnprocessableEntity, "checks[0].op");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PutAsJsonAsync($"/api/experiments/{experiment}/gates",
            new { checks = new[] { new { metric = "overall_score", op = ">=", value = "high" } } }), HttpStatusCode.BadRequest, "$.checks[0].value");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PutAsJsonAsync($"/api/experiments/{experiment}/gates",
            new { no_significant_regression = true, baseline_run_id = Guid.NewGuid() }), HttpStatusCode.NotFound, "baseline_run_id");
        var unknownExperiment = await _api.Client.PutAsJsonAsync($"/api/experiments/{Guid.NewGuid()}/gates", new[] { new { metric = "overall_score", op = ">=", value = 1 } });
        await PlatformApi.ReadAsync(unknownExperiment, HttpStatusCode.NotFound);
        await PlatformApi.ExpectProblemAsync(await _api.Client.GetAsync($"/api/runs/{Guid.NewGuid()}/gate"), HttpStatusCode.NotFound, "id");
        // Nothing half-written: the experiment still has no gate.
        await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/experiments/{experiment}/gates"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Concurrent_puts_of_an_experiment_s_gates_all_succeed_and_leave_one_definition()
    {
        await PlatformReadiness.WaitUntilHealthyAsync(_api.Client, TimeSpan.FromMinutes(5));
        var experiment = await _api.CreateExperimentAsync(PlatformApi.Grid3x3($"gate-race-{Guid.NewGuid():N}"));
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            _api.Client.PutAsJsonAsync($"/api/experiments/{experiment}/gates", new[] { new { metric = "overall_score", op = ">=", value = i / 100.0 } })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var kept = await _api.GetAsync($"/api/experiments/{experiment}/gates");
        var value = Assert.Single(kept.GetProperty("checks").EnumerateArray()).GetProperty("value").GetDouble();
        Assert.Contains(value, Enumerable.Range(0, 12).Select(i => i / 100.0));
        foreach (var answer in answers) answer.Dispose();
    }
}
