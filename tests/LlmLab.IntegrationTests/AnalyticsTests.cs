using System.Net;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>The analytics views over a real run, checked against the run's own responses where the test can recompute them.</summary>
[Collection(PlatformCollection.Name)]
public class AnalyticsTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    private async Task<JsonElement> GetAsync(string path) => await PlatformApi.ReadAsync(await _api.Client.GetAsync(path), HttpStatusCode.OK);

    /// <summary>Runs a 3×3×2 grid and waits until analytics holds all 18 scored responses; returns the run and its responses.</summary>
    private async Task<(Guid RunId, List<JsonElement> Responses)> RunAsync(string name, string provider = "local", string model = "")
    {
        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3(name, provider, model));
        var runId = await _api.GenerateAsync(experimentId);
        await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await GetAsync($"/api/analytics/quality/breakdown?batch_id={runId}")).GetProperty("sample_size").GetInt32() < 18 && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        var responses = (await _api.ResponsesAsync(experimentId, runId)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(18, responses.Count);
        return (runId, responses);
    }

    private static double Overall(JsonElement response) => response.GetProperty("metrics").GetProperty("overall_score").GetDouble();

    [Fact]
    public async Task Breakdown_trends_optimisation_correlation_and_insights_describe_one_run()
    {
        var (runId, responses) = await RunAsync("analytics-views");
        var overall = responses.Select(Overall).Order().ToList();

        var breakdown = await GetAsync($"/api/analytics/quality/breakdown?batch_id={runId}");
        var summary = breakdown.GetProperty("metrics").GetProperty("overall_score");
        Assert.Equal(18, summary.GetProperty("count").GetInt32());
        Near(overall.Average(), summary.GetProperty("mean").GetDouble());
        Near(overall.Min(), summary.GetProperty("min").GetDouble());
        // percentile_cont of 18 sorted values: the median is the mean of the 9th and 10th.
        Near((overall[8] + overall[9]) / 2, summary.GetProperty("median").GetDouble());
        Assert.True(summary.GetProperty("q1").GetDouble() <= summary.GetProperty("median").GetDouble());
        Assert.True(summary.GetProperty("median").GetDouble() <= summary.GetProperty("q3").GetDouble());
        Assert.Equal(18, summary.GetProperty("histogram").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));
        Assert.Equal(8, breakdown.GetProperty("metrics").EnumerateObject().Count());

        var trend = await GetAsync($"/api/analytics/quality/trends?batch_id={runId}&timeframe=7d");
        var point = Assert.Single(trend.GetProperty("points").EnumerateArray());
        Assert.Equal(18, point.GetProperty("count").GetInt32());
        Assert.Equal("insufficient_data", trend.GetProperty("direction").GetString());
        // A run of a saved experiment is of type "experiment", not "batch".
        Assert.Equal(18, (await GetAsync($"/api/analytics/quality/trends?batch_id={runId}&experiment_type=experiment")).GetProperty("sample_size").GetInt32());
        Assert.Equal(0, (await GetAsync($"/api/analytics/quality/trends?batch_id={runId}&experiment_type=batch")).GetProperty("sample_size").GetInt32());

        var optimization = await GetAsync($"/api/analytics/parameters/optimization?batch_id={runId}");
        var temperature = optimization.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("parameter").GetString() == "temperature");
        var byTemperature = responses.GroupBy(r => r.GetProperty("temperature").GetDouble()).ToDictionary(g => g.Key, g => g.Select(Overall).Average());
        var best = byTemperature.MaxBy(g => g.Value);
        Assert.Equal(best.Key, double.Parse(temperature.GetProperty("optimal_value").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 6);
        Near(best.Value, temperature.GetProperty("optimal_mean").GetDouble());
        Assert.Equal(["0.2", "0.6", "1"], temperature.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("value").GetString()));
        Near(1 - temperature.GetProperty("p_value").GetDouble(), temperature.GetProperty("confidence").GetDouble());
        Assert.False(optimization.GetProperty("optimal_parameters").TryGetProperty("max_tokens", out _)); // one value: nothing to choose

        var correlation = await GetAsync($"/api/analytics/parameters/correlation?batch_id={runId}");
        var cell = correlation.GetProperty("correlations").EnumerateArray()
            .Single(c => c.GetProperty("parameter").GetString() == "temperature" && c.GetProperty("metric").GetString() == "overall_score");
        Assert.Equal(18, cell.GetProperty("n").GetInt32());
        Near(Pearson(responses.Select(r => r.GetProperty("temperature").GetDouble()).ToList(), responses.Select(Overall).ToList()), cell.GetProperty("pearson").GetDouble());
        Assert.InRange(cell.GetProperty("spearman_p").GetDouble(), 0, 1);

        foreach (var path in new[] { $"/api/analytics/parameters/insights?batch_id={runId}", $"/api/experiments/batch/{runId}/insights" })
        {
            var report = await GetAsync(path);
            Assert.Equal(18, report.GetProperty("sample_size").GetInt32());
            var insights = report.GetProperty("insights").EnumerateArray().ToList();
            Assert.NotEmpty(insights);
            Assert.All(insights, i =>
            {
                Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("text").GetString()));
                Assert.True(i.GetProperty("sample_size").GetInt32() > 0);
                Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("statistic").GetString()));
            });
        }
    }

    [Fact]
    public async Task Two_runs_of_one_grid_compare_item_by_item_with_mcnemar_and_bootstrap_intervals()
    {
        var (a, responsesA) = await RunAsync("method-a");
        var (b, responsesB) = await RunAsync("method-b", "simulated", "simulated-0ms");
        var threshold = responsesA.Select(Overall).Average();

        var comparison = await GetAsync($"/api/analytics/methods/comparison?run_a={a}&run_b={b}&threshold={threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.Equal(18, comparison.GetProperty("pairs").GetInt32());
        int both = comparison.GetProperty("both_correct").GetInt32(), onlyA = comparison.GetProperty("only_a_correct").GetInt32(),
            onlyB = comparison.GetProperty("only_b_correct").GetInt32(), neither = comparison.GetProperty("neither_correct").GetInt32();
        Assert.Equal(18, both + onlyA + onlyB + neither);
        Assert.Equal(responsesA.Count(r => Overall(r) >= threshold), both + onlyA);
        Assert.Equal(responsesB.Count(r => Overall(r) >= threshold), both + onlyB);
        Near((both + onlyB - both - onlyA) / 18.0, comparison.GetProperty("accuracy_difference").GetDouble());
        var interval = comparison.GetProperty("accuracy_difference_ci95").EnumerateArray().Select(x => x.GetDouble()).ToList();
        Assert.True(interval[0] <= comparison.GetProperty("accuracy_difference").GetDouble() && comparison.GetProperty("accuracy_difference").GetDouble() <= interval[1]);
        Near(responsesB.Select(Overall).Average() - responsesA.Select(Overall).Average(), comparison.GetProperty("mean_difference").GetDouble());
        Assert.InRange(comparison.GetProperty("mcnemar_p").GetDouble(), 0, 1);
        var items = comparison.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(18, items.Select(i => i.GetProperty("item_key").GetString()).Distinct().Count());
        Assert.All(items, i => Near(i.GetProperty("b").GetDouble() - i.GetProperty("a").GetDouble(), i.GetProperty("difference").GetDouble(), 1e-5));

        // Everyone passes a threshold of 0: no discordant pair, so no evidence of a difference.
        var trivial = await GetAsync($"/api/analytics/methods/comparison?run_a={a}&run_b={b}&threshold=0");
        Assert.Equal(1, trivial.GetProperty("mcnemar_p").GetDouble());
        Assert.Equal([0.0, 0.0], trivial.GetProperty("accuracy_difference_ci95").EnumerateArray().Select(x => x.GetDouble()));

        await PlatformApi.ExpectProblemAsync(await _api.Client.GetAsync($"/api/analytics/methods/comparison?run_a={a}"), HttpStatusCode.BadRequest, "run_b");
    }

    [Fact]
    public async Task Rebuilding_the_read_model_from_the_batch_data_gives_the_same_views()
    {
        var (runId, _) = await RunAsync("rebuild");
        var before = await GetAsync($"/api/analytics/quality/breakdown?batch_id={runId}");

        var result = await PlatformApi.ReadAsync(await _api.Client.PostAsync("/api/analytics/rebuild", null), HttpStatusCode.OK);
        Assert.True(result.GetProperty("inserted").GetInt32() >= 18);
        Assert.True(result.GetProperty("deleted").GetInt32() >= 18);

        var after = await GetAsync($"/api/analytics/quality/breakdown?batch_id={runId}");
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    [Theory]
    [InlineData("/api/analytics/quality/trends?timeframe=week", "timeframe")]
    [InlineData("/api/analytics/quality/trends?metric=wit_score", "metric")]
    [InlineData("/api/analytics/parameters/optimization?batch_id=not-a-uuid", "batch_id")]
    [InlineData("/api/analytics/parameters/correlation?experiment_id=42", "experiment_id")]
    [InlineData("/api/analytics/quality/breakdown?timeframe=0d", "timeframe")]
    [InlineData("/api/analytics/quality/trends?experiment_type=nightly", "experiment_type")]
    public async Task Bad_analytics_parameters_answer_400_naming_the_field(string path, string field) =>
        await PlatformApi.ExpectProblemAsync(await _api.Client.GetAsync(path), HttpStatusCode.BadRequest, field);

    /// <summary>The API rounds to 4–6 decimals; a tolerance, not rounding both sides, keeps the comparison exact at rounding boundaries.</summary>
    private static void Near(double expected, double actual, double tolerance = 1e-3) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected} ± {tolerance}, got {actual}");

    private static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return sxy / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }
}
