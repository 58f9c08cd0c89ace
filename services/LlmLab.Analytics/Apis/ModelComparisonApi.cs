using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Queries;
using LlmLab.Analytics.Rollups;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>GET /api/analytics/models/comparison: per provider and model, quality, latency percentiles (interpolated; on a fixed hash sample above 20,000 responses in all), tokens and cost.</summary>
public static class ModelComparisonApi
{
    public static IEndpointRouteBuilder MapModelComparisonApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/analytics/models/comparison", CompareAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<ItemList<ModelSummary>>, ProblemHttpResult>> CompareAsync(HttpContext http, AnalyticsSql sql, TimeProvider time, CancellationToken ct)
    {
        var (scope, problem) = await AnalyticsScope.FromAsync(http, time, ct, defaultTimeframe: "30d");
        if (scope is null) return problem!;
        return TypedResults.Ok(new ItemList<ModelSummary>(await QueryAsync(sql, scope, ct)));
    }

    public static async Task<List<ModelSummary>> QueryAsync(AnalyticsSql sql, AnalyticsScope scope, CancellationToken ct)
    {
        var source = ScoreSource.For(scope);
        var models = await sql.QueryAsync(c => $"""
            SELECT provider, model, {source.Responses}, {source.MomentsOf(ScoreColumns.Overall)}, sum(prompt_tokens), sum(completion_tokens), sum(cost_usd)
            {source.From(c)} GROUP BY provider, model
            """, r => (Provider: r.GetString(0), Model: r.GetString(1), Responses: r.WholeNumber(2), Overall: ScoreSource.ReadMoments(r, 3),
                PromptTokens: r.WholeNumber(8), CompletionTokens: r.WholeNumber(9), Cost: r.GetDouble(10)), ct);
        var latency = await LatencyAsync(sql, scope, models.Select(m => (m.Provider, m.Model, m.Responses)).ToList(), ct);
        return models.OrderByDescending(m => m.Overall.Mean ?? double.NegativeInfinity).ThenBy(m => m.Provider, StringComparer.Ordinal)
            .ThenBy(m => m.Model, StringComparer.Ordinal).Select(m =>
            {
                var (p50, p95, p99, sampled) = latency.GetValueOrDefault((m.Provider, m.Model));
                return new ModelSummary(m.Provider, m.Model, m.Responses, Round(m.Overall.Mean, 2), Round(m.Overall.StdDev, 2), Math.Round(p50, 1),
                    Math.Round(p95, 1), Math.Round(p99, 1), Math.Round((double)m.PromptTokens / m.Responses, 1),
                    Math.Round((double)m.CompletionTokens / m.Responses, 1), Math.Round(m.Cost, 6), sampled);
            }).ToList();
    }

    /// <summary>Latency percentiles per model from its rows: all of them up to its share of HashSample.Target, its fixed hash sample above.</summary>
    private static async Task<Dictionary<(string, string), (double P50, double P95, double P99, long Rows)>> LatencyAsync(AnalyticsSql sql,
        AnalyticsScope scope, List<(string Provider, string Model, long Responses)> models, CancellationToken ct)
    {
        if (models.Count == 0) return [];
        // Up to HashSample.Target responses in all, every row; above, the models share one sample budget, none getting
        // fewer than 2,000 rows (or all it has).
        var target = models.Sum(m => m.Responses) <= HashSample.Target ? HashSample.Target : Math.Max(HashSample.Target / models.Count, 2_000);
        var rows = await sql.QueryAsync(c =>
        {
            var where = scope.Where(c);
            // One branch per model rather than an OR of them: a bitmap OR reads the heap, a branch each is an index-only
            // scan of that model's sample (SampleIndexes).
            return string.Join("\nUNION ALL\n", models.Select((m, i) =>
            {
                c.Parameters.AddWithValue($"provider{i}", m.Provider);
                c.Parameters.AddWithValue($"model{i}", m.Model);
                return $"""
                    SELECT provider, model, count(*), percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY response_time_ms)
                    FROM scored_responses WHERE {where} AND provider = @provider{i} AND model = @model{i}{HashSample.Condition(m.Responses, target)}
                    GROUP BY provider, model
                    """;
            }));
        }, r => (Key: (r.GetString(0), r.GetString(1)), Rows: r.GetInt64(2), Values: r.GetFieldValue<double[]>(3)), ct);
        return rows.ToDictionary(x => x.Key, x => (x.Values[0], x.Values[1], x.Values[2], x.Rows));
    }

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}

public sealed record ModelSummary(string Provider, string Model, long Responses, double? MeanOverallScore, double? StdDevOverallScore,
    double LatencyP50Ms, double LatencyP95Ms, double LatencyP99Ms, double MeanPromptTokens, double MeanCompletionTokens, double TotalCostUsd,
    long LatencySampleSize);
