using System.Text.Json;
using LlmLab.TestKit;

namespace LlmLab.IntegrationTests.Analytics;

/// <summary>
/// The summary computed by the test from the rows it wrote, as the raw-row SQL defines it: means over the responses that
/// carry a value, percentile_cont (linear interpolation) of every response time up to the 20,000-row sample threshold.
/// </summary>
public static class SummaryOfRows
{
    public static void AssertEqual(IReadOnlyList<SeedRow> rows, JsonElement summary)
    {
        Assert.Equal(rows.Count, summary.GetProperty("responses").GetInt64());
        Assert.Equal(rows.Select(r => r.RunId).Distinct().Count(), summary.GetProperty("runs").GetInt64());
        Assert.Equal(rows.Count * (long)SeedRow.PromptTokens, summary.GetProperty("prompt_tokens").GetInt64());
        Assert.Equal(rows.Sum(r => (long)r.CompletionTokens), summary.GetProperty("completion_tokens").GetInt64());
        Near(rows.Sum(r => r.CostUsd), summary.GetProperty("cost_usd").GetDouble(), 6);
        Near(rows.Where(r => r.Overall is not null).Average(r => r.Overall!.Value), summary.GetProperty("mean_overall_score").GetDouble(), 2);

        var accuracy = summary.GetProperty("accuracy");
        var exact = rows.Where(r => r.ExactMatch is not null).Select(r => r.ExactMatch!.Value).ToList();
        var f1 = rows.Where(r => r.F1 is not null).Select(r => r.F1!.Value).ToList();
        Assert.True(exact.Count > 0 && f1.Count > exact.Count, "the seed has responses with a reference, and some with an F1 only");
        Assert.Equal(exact.Count, accuracy.GetProperty("responses").GetInt64());
        Near(exact.Average(), accuracy.GetProperty("exact_match").GetDouble(), 4);
        Near(f1.Average(), accuracy.GetProperty("f1").GetDouble(), 4);

        var latency = rows.Select(r => r.ResponseTimeMs).Order().ToList();
        Assert.Equal(latency.Count, summary.GetProperty("latency_sample_size").GetInt64());
        Near(PercentileCont(latency, 0.5), summary.GetProperty("latency_p50_ms").GetDouble(), 1);
        Near(PercentileCont(latency, 0.95), summary.GetProperty("latency_p95_ms").GetDouble(), 1);
    }

    /// <summary>PostgreSQL's percentile_cont over sorted values.</summary>
    public static double PercentileCont(IReadOnlyList<double> sorted, double fraction)
    {
        var position = fraction * (sorted.Count - 1);
        var (below, above) = ((int)Math.Floor(position), (int)Math.Ceiling(position));
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /// <summary>The API rounds to <paramref name="digits"/> decimals: a tolerance of half a unit there, not rounding both sides.</summary>
    private static void Near(double expected, double actual, int digits)
    {
        var tolerance = 0.5 * Math.Pow(10, -digits) + 1e-9;
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected} ± {tolerance}, got {actual}");
    }
}
