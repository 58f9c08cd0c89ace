using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>
/// The web workbench's own reads against a real 8-call run: the builder's estimate from measured history, the run as a
/// matrix (prompts × temperatures, repetitions sharing a cell) and the dashboard summary from the analytics read model.
/// </summary>
[Collection(PlatformCollection.Name)]
public class WorkbenchViewsTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task A_finished_run_feeds_the_estimate_shows_as_a_matrix_and_counts_in_the_summary()
    {
        var created = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/experiments/batch", new
        {
            name = "workbench views", prompt = "unused", provider = "local", response_count = 2,
            parameter_ranges = new { temperature = new[] { 1.0, 0.2 }, max_tokens = new[] { 12 }, prompt = new[] { "Explain rain.", "Describe the ocean." } },
        }), HttpStatusCode.Created);
        Assert.False(string.IsNullOrWhiteSpace(created.GetProperty("estimate_basis").GetString()));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Accepted, (await _api.Client.PostAsync($"/api/experiments/batch/{id}/start", null)).StatusCode);
        Assert.Equal("completed", (await _api.WaitForRunAsync(id, TimeSpan.FromMinutes(2))).GetProperty("status").GetString());

        // The run just finished, so the estimate stands on measured runs, and says so.
        var estimate = await _api.GetAsync("/api/experiments/batch/estimate?calls=8&provider=local");
        var basis = estimate.GetProperty("basis");
        Assert.Equal("runs", basis.GetProperty("kind").GetString());
        Assert.InRange(basis.GetProperty("runs").GetInt32(), 1, 5);
        Assert.StartsWith("from ", basis.GetProperty("description").GetString(), StringComparison.Ordinal);
        var expected = 8 * basis.GetProperty("seconds_per_call").GetDouble();
        Assert.InRange(estimate.GetProperty("estimated_duration").GetDouble(), expected - 0.11, expected + 0.11);

        var matrix = await _api.GetAsync($"/api/experiments/batch/{id}/matrix");
        Assert.Equal("prompt", matrix.GetProperty("columns").GetString());
        Assert.Equal(["Explain rain.", "Describe the ocean."], matrix.GetProperty("column_values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["temperature"], matrix.GetProperty("row_dimensions").EnumerateArray().Select(v => v.GetString()));
        var rows = matrix.GetProperty("rows").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["0.2", "1"], rows.Select(r => r.GetProperty("values").GetProperty("temperature").GetString()));
        Assert.All(rows.SelectMany(r => r.GetProperty("cells").EnumerateArray()), cell =>
        {
            Assert.Equal(2, cell.GetProperty("responses").GetInt32());
            Assert.True(cell.GetProperty("excerpt").GetString()!.Length <= 240);
        });
        var byTemperature = await _api.GetAsync($"/api/experiments/batch/{id}/matrix?columns=temperature&page_size=1");
        Assert.Equal(2, byTemperature.GetProperty("rows").GetProperty("total").GetInt32());
        Assert.Single(byTemperature.GetProperty("rows").GetProperty("items").EnumerateArray());

        // The analytics read model fills from events a moment later.
        JsonElement summary = default;
        for (var i = 0; i < 60 && (summary.ValueKind == JsonValueKind.Undefined || summary.GetProperty("responses").GetInt64() < 8); i++)
        {
            if (i > 0) await Task.Delay(1000);
            summary = await _api.GetAsync($"/api/analytics/summary?batch_id={id}&timeframe=7d");
        }
        Assert.Equal(8, summary.GetProperty("responses").GetInt64());
        Assert.Equal(1, summary.GetProperty("runs").GetInt64());
        Assert.Equal(0, summary.GetProperty("accuracy").GetProperty("responses").GetInt64());
        Assert.True(summary.GetProperty("latency_p50_ms").GetDouble() <= summary.GetProperty("latency_p95_ms").GetDouble());
        Assert.True(summary.GetProperty("completion_tokens").GetInt64() > 0);
    }
}
