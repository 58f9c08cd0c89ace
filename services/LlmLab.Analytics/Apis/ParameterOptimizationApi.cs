using LlmLab.Analytics.Analysis;
using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Queries;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>GET /api/analytics/parameters/optimization: per parameter, the value with the best mean score, its confidence and impact.</summary>
public static class ParameterOptimizationApi
{
    private static readonly string[] Parameters = [.. ScoreColumns.NumericParameters, "model", "provider"];

    public static IEndpointRouteBuilder MapParameterOptimizationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/analytics/parameters/optimization", OptimizeAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<ParameterOptimization>, ProblemHttpResult>> OptimizeAsync(HttpContext http, AnalyticsSql sql, TimeProvider time, CancellationToken ct, string? metric = null)
    {
        var (scope, problem) = await AnalyticsScope.FromAsync(http, time, ct);
        if (scope is null) return problem!;
        metric ??= ScoreColumns.Overall;
        if (!ScoreColumns.IsScore(metric)) return Problems.Invalid("metric", $"must be one of {string.Join(", ", ScoreColumns.All)}.", StatusCodes.Status400BadRequest);
        return TypedResults.Ok(await QueryAsync(sql, scope, metric, ct));
    }

    public static async Task<ParameterOptimization> QueryAsync(AnalyticsSql sql, AnalyticsScope scope, string metric, CancellationToken ct)
    {
        var groups = await sql.QueryAsync(c =>
        {
            var where = scope.Where(c);
            var parts = Parameters.Select(p =>
                $"SELECT '{p}', {p}::text, count(*), avg(score), coalesce(stddev_samp(score), 0) FROM base GROUP BY {p}");
            return $"""
                WITH base AS (SELECT {string.Join(", ", Parameters)}, {metric} AS score FROM scored_responses WHERE {where} AND {metric} IS NOT NULL)
                {string.Join("\nUNION ALL\n", parts)}
                """;
        }, r => (Parameter: r.GetString(0), Stats: new ValueStats(r.GetString(1), r.GetInt64(2), r.GetDouble(3), r.GetDouble(4))), ct);

        var recommendations = Parameters
            .Select(p => ParameterOptimizer.Recommend(p, metric, groups.Where(g => g.Parameter == p).Select(g => g.Stats).ToList()))
            .OfType<ParameterRecommendation>().ToList();
        var sampleSize = groups.Where(g => g.Parameter == Parameters[0]).Sum(g => g.Stats.Count);
        return new ParameterOptimization(metric, sampleSize, recommendations.ToDictionary(r => r.Parameter, r => r.OptimalValue), recommendations);
    }
}

/// <summary>Parameters that took a single value in the data are left out: there is nothing to choose.</summary>
public sealed record ParameterOptimization(string Metric, long SampleSize, IReadOnlyDictionary<string, string> OptimalParameters,
    IReadOnlyList<ParameterRecommendation> Parameters);
