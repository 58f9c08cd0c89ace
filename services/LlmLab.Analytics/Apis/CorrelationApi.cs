using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Queries;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// GET /api/analytics/parameters/correlation: Pearson's r and Spearman's ρ (average ranks for ties) of every numeric
/// parameter with every score, with two-sided p-values. PostgreSQL computes r and the ranks; the p-values use t with n − 2 df.
/// </summary>
public static class CorrelationApi
{
    public static IEndpointRouteBuilder MapCorrelationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/analytics/parameters/correlation", CorrelateAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<CorrelationMatrix>, ProblemHttpResult>> CorrelateAsync(HttpContext http, AnalyticsSql sql, TimeProvider time, CancellationToken ct)
    {
        var (scope, field, error) = AnalyticsScope.From(http, time);
        if (scope is null) return Problems.Invalid(field!, error!, StatusCodes.Status400BadRequest);
        return TypedResults.Ok(await QueryAsync(sql, scope, ct));
    }

    public static async Task<CorrelationMatrix> QueryAsync(AnalyticsSql sql, AnalyticsScope scope, CancellationToken ct)
    {
        var parameters = ScoreColumns.NumericParameters;
        var metrics = ScoreColumns.All;
        var pairs = parameters.SelectMany(p => metrics.Select(m => (Parameter: p, Metric: m))).ToList();
        var result = (await sql.QueryAsync(c =>
        {
            var where = scope.Where(c);
            var columns = parameters.Select(p => $"{p}::float8 AS {p}").Concat(metrics);
            var ranks = parameters.Concat(metrics).Select(col =>
                $"CASE WHEN {col} IS NULL THEN NULL ELSE rank() OVER (ORDER BY {col}) + (count(*) OVER (PARTITION BY {col}) - 1) / 2.0 END::float8 AS r_{col}");
            var aggregates = pairs.Select(x => $"corr({x.Metric}, {x.Parameter}), regr_count({x.Metric}, {x.Parameter}), corr(r_{x.Metric}, r_{x.Parameter})");
            return $"""
                WITH base AS (SELECT {string.Join(", ", columns)} FROM scored_responses WHERE {where}),
                ranked AS (SELECT *, {string.Join(", ", ranks)} FROM base)
                SELECT count(*), {string.Join(", ", aggregates)} FROM ranked
                """;
        }, r => (Total: r.GetInt64(0), Cells: pairs.Select((x, i) =>
        {
            var at = 1 + i * 3;
            var n = r.GetInt64(at + 1);
            var pearson = r.NullableDouble(at);
            var spearman = r.NullableDouble(at + 2);
            return new Correlation(x.Parameter, x.Metric, n, Round(pearson), Round(Tests.CorrelationP(pearson ?? double.NaN, n)),
                Round(spearman), Round(Tests.CorrelationP(spearman ?? double.NaN, n)));
        }).ToList()), ct)).Single();
        return new CorrelationMatrix(result.Total, result.Cells);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
    private static double Round(double value) => Math.Round(value, 6);
}

/// <summary>A null coefficient means the parameter (or score) did not vary in the data; its p-value is then 1.</summary>
public sealed record Correlation(string Parameter, string Metric, long N, double? Pearson, double PearsonP, double? Spearman, double SpearmanP);

public sealed record CorrelationMatrix(long SampleSize, IReadOnlyList<Correlation> Correlations);
