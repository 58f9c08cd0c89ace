using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Auto-optimisation through the gateway on the built-in engine: a search over a batch's grid spends at most its
/// budget in real calls (its own run), its trajectory moves forward in calls, its best is the highest mean among the
/// configurations it called most, the batch itself is left untouched, and another tenant sees none of it.
/// </summary>
[Collection(PlatformCollection.Name)]
public class OptimizationTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    /// <summary>5 temperatures × 2 top_p × 3 repetitions: 10 configurations, 30 calls.</summary>
    private async Task<Guid> CreateBatchAsync(string name)
    {
        var created = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/experiments/batch", new
        {
            name, prompt = "Explain how rain forms in clouds.", provider = "local", response_count = 3, seed = 7,
            parameter_ranges = new { temperature = new[] { 0.2, 0.5, 0.8, 1.1, 1.4 }, top_p = new[] { 0.5, 1.0 }, max_tokens = new[] { 30 } },
        }), HttpStatusCode.Created);
        Assert.Equal(30, created.GetProperty("total_calls").GetInt32());
        return created.GetProperty("id").GetGuid();
    }

    [Theory]
    [InlineData("successive_halving")]
    [InlineData("bayesian")]
    public async Task A_search_spends_at_most_its_budget_and_its_best_is_the_highest_mean_of_what_it_ran(string strategy)
    {
        var batch = await CreateBatchAsync($"optimise {strategy}");
        using var started = await _api.Client.PostAsJsonAsync($"/api/experiments/batch/{batch}/optimize", new { strategy, budget_calls = 12, seed = 3 });
        var accepted = await PlatformApi.ReadAsync(started, HttpStatusCode.Accepted);
        var searchId = accepted.GetProperty("id").GetGuid();
        Assert.EndsWith($"/api/experiments/batch/{batch}/optimize/{searchId}", PlatformApi.Header(started, "Location"), StringComparison.Ordinal);
        Assert.Equal(strategy, accepted.GetProperty("strategy").GetString());
        Assert.Equal(12, accepted.GetProperty("budget_calls").GetInt32());

        var status = await WaitAsync(batch, searchId, TimeSpan.FromMinutes(3));
        Assert.Equal("completed", status.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(status.GetProperty("stop_reason").GetString()));
        var spent = status.GetProperty("calls_spent").GetInt32();
        Assert.InRange(spent, 1, 12);

        var trajectory = status.GetProperty("trajectory").EnumerateArray().ToList();
        Assert.NotEmpty(trajectory);
        var calls = trajectory.Select(p => p.GetProperty("calls_spent").GetInt32()).ToList();
        Assert.Equal(calls.Distinct().Order(), calls);
        Assert.Equal(spent, calls[^1]);

        var evaluated = status.GetProperty("evaluated").EnumerateArray().ToList();
        var most = evaluated.Max(e => e.GetProperty("calls").GetInt32());
        var bestMean = evaluated.Where(e => e.GetProperty("calls").GetInt32() == most && e.GetProperty("mean_score").ValueKind == JsonValueKind.Number)
            .Max(e => e.GetProperty("mean_score").GetDouble());
        var best = status.GetProperty("best");
        Assert.Equal(bestMean, best.GetProperty("score").GetDouble(), 3);
        Assert.Equal(bestMean, trajectory[^1].GetProperty("best_score").GetDouble(), 3);
        Assert.Equal(spent, evaluated.Sum(e => e.GetProperty("calls").GetInt32()));
        Assert.Contains(best.GetProperty("parameters").GetProperty("temperature").GetDouble(), new[] { 0.2, 0.5, 0.8, 1.1, 1.4 });

        // The calls are real responses of the search's own run, finished with the search; the batch itself never ran.
        var runId = status.GetProperty("run_id").GetGuid();
        var run = await _api.StatusAsync(runId);
        Assert.Contains(run.GetProperty("status").GetString(), new[] { "completed", "completed_with_errors" });
        Assert.Equal(spent, run.GetProperty("completed_combinations").GetInt32() + run.GetProperty("failed_combinations").GetInt32());
        var items = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/experiments/batch/{runId}/items?page_size=100"), HttpStatusCode.OK);
        Assert.Equal(spent, items.GetProperty("total").GetInt32());
        Assert.Equal("pending", (await _api.StatusAsync(batch)).GetProperty("status").GetString());

        var list = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/experiments/batch/{batch}/optimize"), HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetGuid() == searchId);

        using var other = await OtherTenantAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/experiments/batch/{batch}/optimize/{searchId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/experiments/batch/{batch}/optimize")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.PostAsJsonAsync($"/api/experiments/batch/{batch}/optimize", new { strategy, budget_calls = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/experiments/batch/{batch}/optimize/{searchId}")).StatusCode);
    }

    [Fact]
    public async Task A_bad_strategy_or_budget_is_refused_naming_the_field_and_starts_nothing()
    {
        var batch = await CreateBatchAsync("optimise refused");
        var path = $"/api/experiments/batch/{batch}/optimize";
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync(path, new { strategy = "grid", budget_calls = 10 }),
            HttpStatusCode.UnprocessableEntity, "strategy");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync(path, new { strategy = "bayesian", budget_calls = 0 }),
            HttpStatusCode.UnprocessableEntity, "budget_calls");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync(path, new { strategy = "bayesian", budget_calls = 31 }),
            HttpStatusCode.UnprocessableEntity, "budget_calls");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync(path, new { strategy = "bayesian", budget_calls = "ten" }),
            HttpStatusCode.UnprocessableEntity, "budget_calls");
        Assert.Equal(HttpStatusCode.NotFound,
            (await _api.Client.PostAsJsonAsync($"/api/experiments/batch/{Guid.NewGuid()}/optimize", new { strategy = "bayesian", budget_calls = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.Client.GetAsync($"{path}/{Guid.NewGuid()}")).StatusCode);

        var list = await PlatformApi.ReadAsync(await _api.Client.GetAsync(path), HttpStatusCode.OK);
        Assert.Equal(0, list.GetArrayLength());
    }

    private async Task<JsonElement> WaitAsync(Guid batch, Guid searchId, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var status = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/experiments/batch/{batch}/optimize/{searchId}"), HttpStatusCode.OK);
            if (status.GetProperty("state").GetString() != "running") return status;
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the search was still running after {timeout}: {status}");
            await Task.Delay(250);
        }
    }

    private async Task<HttpClient> OtherTenantAsync()
    {
        var identity = new IdentityApi(platform);
        var organisation = $"opt-{Guid.NewGuid():N}"[..20];
        var (exit, output) = await identity.CreateAdminAsync("--organisation", organisation, "--email", "optimiser@example.com");
        Assert.True(exit == 0, output);
        return platform.CreateClient(IdentityApi.KeyFromOutput(output));
    }
}
