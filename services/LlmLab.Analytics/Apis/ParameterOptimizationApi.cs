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
        var source = ScoreSource.For(scope);
        var groups = await sql.QueryAsync(c =>
        {
            var parts = Parameters.Select(p => $"SELECT '{p}', {p}::text, {source.MomentsOf(metric)} FROM base GROUP BY {p}");
            return $"""
                WITH base AS MATERIALIZED (SELECT {string.Join(", ", Parameters)}, {source.Columns(metric)} {source.From(c)} AND {source.HasValue(metric)})
                {string.Join("\nUNION ALL\n", parts)}
                """;
        }, r => (Parameter: r.GetString(0), Value: r.GetString(1), Moments: ScoreSource.ReadMoments(r, 2)), ct);

        var recommendations = Parameters
            .Select(p => ParameterOptimizer.Recommend(p, metric, groups.Where(g => g.Parameter == p)
                .Select(g => new ValueStats(g.Value, g.Moments.N, g.Moments.Mean ?? 0, g.Moments.StdDev ?? 0)).ToList()))
            .OfType<ParameterRecommendation>().ToList();
        var sampleSize = groups.Where(g => g.Parameter == Parameters[0]).Sum(g => g.Moments.N);
        return new ParameterOptimization(metric, sampleSize, recommendations.ToDictionary(r => r.Parameter, r => r.OptimalValue), recommendations);
    }
}

/// <summary>Parameters that took a single value in the data are left out: there is nothing to choose.</summary>
public sealed record ParameterOptimization(string Metric, long SampleSize, IReadOnlyDictionary<string, string> OptimalParameters,
    IReadOnlyList<ParameterRecommendation> Parameters);
