using LlmLab.Analytics.Queries;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>GET /api/analytics/models/comparison: per provider and model, quality, latency percentiles (interpolated), tokens and cost.</summary>
public static class ModelComparisonApi
{
    public static IEndpointRouteBuilder MapModelComparisonApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/analytics/models/comparison", CompareAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<List<ModelSummary>>, ProblemHttpResult>> CompareAsync(HttpContext http, AnalyticsSql sql, TimeProvider time, CancellationToken ct)
    {
        var (scope, problem) = await AnalyticsScope.FromAsync(http, time, ct, defaultTimeframe: "30d");
        if (scope is null) return problem!;
        return TypedResults.Ok(await QueryAsync(sql, scope, ct));
    }

    public static Task<List<ModelSummary>> QueryAsync(AnalyticsSql sql, AnalyticsScope scope, CancellationToken ct) =>
        sql.QueryAsync(c => $"""
            SELECT provider, model, count(*), avg(overall_score), stddev_samp(overall_score),
                percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY response_time_ms),
                avg(prompt_tokens)::float8, avg(completion_tokens)::float8, sum(cost_usd)
            FROM scored_responses WHERE {scope.Where(c)}
            GROUP BY provider, model ORDER BY avg(overall_score) DESC NULLS LAST, provider, model
            """, r =>
        {
            var latency = r.GetFieldValue<double[]>(5);
            return new ModelSummary(r.GetString(0), r.GetString(1), r.GetInt64(2), Round(r.NullableDouble(3), 2), Round(r.NullableDouble(4), 2),
                Math.Round(latency[0], 1), Math.Round(latency[1], 1), Math.Round(latency[2], 1),
                Math.Round(r.GetDouble(6), 1), Math.Round(r.GetDouble(7), 1), Math.Round(r.GetDouble(8), 6));
        }, ct);

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}

public sealed record ModelSummary(string Provider, string Model, long Responses, double? MeanOverallScore, double? StdDevOverallScore,
    double LatencyP50Ms, double LatencyP95Ms, double LatencyP99Ms, double MeanPromptTokens, double MeanCompletionTokens, double TotalCostUsd);
