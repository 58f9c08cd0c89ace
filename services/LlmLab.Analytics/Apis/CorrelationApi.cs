using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Queries;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// GET /api/analytics/parameters/correlation: Pearson's r and Spearman's ρ (average ranks for ties) of every numeric
/// parameter with every score, with two-sided p-values. PostgreSQL computes r and the ranks; the p-values use t with n − 2 df.
/// Ranking sorts every column, so above 20,000 rows ρ is computed on a fixed sample (by response id hash) and says so.
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
        var (scope, problem) = await AnalyticsScope.FromAsync(http, time, ct);
        if (scope is null) return problem!;
        return TypedResults.Ok(await QueryAsync(sql, scope, ct));
    }

    /// <summary>Spearman needs every column sorted; above this many rows it is computed on a fixed hash-chosen sample of about this size.</summary>
    public const int SpearmanSampleSize = 20_000;

    public static async Task<CorrelationMatrix> QueryAsync(AnalyticsSql sql, AnalyticsScope scope, CancellationToken ct)
    {
        var parameters = ScoreColumns.NumericParameters;
        var metrics = ScoreColumns.All;
        var pairs = parameters.SelectMany(p => metrics.Select(m => (Parameter: p, Metric: m))).ToList();

        // Pearson over every row: one pass of corr() aggregates.
        var pearson = (await sql.QueryAsync(c =>
        {
            var aggregates = pairs.Select(x => $"corr({x.Metric}, {x.Parameter}), regr_count({x.Metric}, {x.Parameter})");
            return $"SELECT count(*), {string.Join(", ", aggregates)} FROM scored_responses WHERE {scope.Where(c)}";
        }, r => (Total: r.GetInt64(0), Cells: pairs.Select((_, i) => (R: r.NullableDouble(1 + i * 2), N: r.GetInt64(2 + i * 2))).ToList()), ct)).Single();

        // Spearman: Pearson's r of average ranks (ties share their mean rank), on all rows or a sample chosen by response id hash.
        var buckets = pearson.Total <= SpearmanSampleSize ? 1024 : (int)Math.Ceiling(1024.0 * SpearmanSampleSize / pearson.Total);
        var spearman = (await sql.QueryAsync(c =>
        {
            var where = scope.Where(c);
            var sample = buckets >= 1024 ? "" : $" AND (hashtext(response_id::text) & 1023) < {buckets}";
            var columns = parameters.Select(p => $"{p}::float8 AS {p}").Concat(metrics);
            var ranks = parameters.Concat(metrics).Select(col =>
                $"CASE WHEN {col} IS NULL THEN NULL ELSE rank() OVER (ORDER BY {col}) + (count(*) OVER (PARTITION BY {col}) - 1) / 2.0 END::float8 AS r_{col}");
            var aggregates = pairs.Select(x => $"corr(r_{x.Metric}, r_{x.Parameter}), regr_count(r_{x.Metric}, r_{x.Parameter})");
            return $"""
                WITH base AS (SELECT {string.Join(", ", columns)} FROM scored_responses WHERE {where}{sample}),
                ranked AS (SELECT {string.Join(", ", ranks)} FROM base)
                SELECT {string.Join(", ", aggregates)} FROM ranked
                """;
        }, r => pairs.Select((_, i) => (Rho: r.NullableDouble(i * 2), N: r.GetInt64(1 + i * 2))).ToList(), ct)).Single();

        var cells = pairs.Select((x, i) => new Correlation(x.Parameter, x.Metric, pearson.Cells[i].N,
            Round(pearson.Cells[i].R), Round(Tests.CorrelationP(pearson.Cells[i].R ?? double.NaN, pearson.Cells[i].N)),
            Round(spearman[i].Rho), Round(Tests.CorrelationP(spearman[i].Rho ?? double.NaN, spearman[i].N)), spearman[i].N)).ToList();
        return new CorrelationMatrix(pearson.Total, cells);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
    private static double Round(double value) => Math.Round(value, 6);
}

/// <summary>
/// A null coefficient means the parameter (or score) did not vary in the data; its p-value is then 1. SpearmanN is the
/// number of pairs Spearman's ρ was computed on: N, or a sample of about 20,000 when N is larger (ρ then has a standard error below 0.01).
/// </summary>
public sealed record Correlation(string Parameter, string Metric, long N, double? Pearson, double PearsonP, double? Spearman, double SpearmanP, long SpearmanN);

public sealed record CorrelationMatrix(long SampleSize, IReadOnlyList<Correlation> Correlations);
