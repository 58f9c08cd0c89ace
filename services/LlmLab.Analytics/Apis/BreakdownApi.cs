using System.Globalization;
using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Queries;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>GET /api/analytics/quality/breakdown: each score's count, mean, spread, quartiles and a 10-bin histogram over 0–100.</summary>
public static class BreakdownApi
{
    public static IEndpointRouteBuilder MapBreakdownApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/analytics/quality/breakdown", BreakdownAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<QualityBreakdown>, ProblemHttpResult>> BreakdownAsync(HttpContext http, AnalyticsSql sql, TimeProvider time, CancellationToken ct)
    {
        var (scope, problem) = await AnalyticsScope.FromAsync(http, time, ct);
        if (scope is null) return problem!;
        return TypedResults.Ok(await QueryAsync(sql, scope, ct));
    }

    public static async Task<QualityBreakdown> QueryAsync(AnalyticsSql sql, AnalyticsScope scope, CancellationToken ct)
    {
        var columns = ScoreColumns.All;
        var summary = (await sql.QueryAsync(c =>
        {
            var aggregates = columns.Select(m =>
                $"count({m}), avg({m}), stddev_samp({m}), min({m}), max({m}), percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY {m})");
            return $"SELECT count(*), {string.Join(", ", aggregates)} FROM scored_responses WHERE {scope.Where(c)}";
        }, r => (Total: r.GetInt64(0), Metrics: columns.Select((_, i) => ReadSummary(r, 1 + i * 6)).ToList()), ct)).Single();

        // One pass of FILTER aggregates: ten bins for each score.
        var bins = (await sql.QueryAsync(c =>
        {
            var counts = columns.SelectMany(m => Enumerable.Range(1, 10).Select(b =>
                $"count(*) FILTER (WHERE least(greatest(width_bucket({m}, 0, 100, 10), 1), 10) = {b})"));
            return $"SELECT {string.Join(", ", counts)} FROM scored_responses WHERE {scope.Where(c)}";
        }, r => Enumerable.Range(0, columns.Count * 10).Select(r.GetInt64).ToArray(), ct)).Single();

        var metrics = columns.Select((m, i) =>
        {
            var histogram = Enumerable.Range(0, 10).Select(b => new HistogramBin(b * 10, (b + 1) * 10, bins[i * 10 + b])).ToList();
            return (m, summary.Metrics[i] with { Histogram = histogram });
        }).ToDictionary(p => p.m, p => p.Item2);
        return new QualityBreakdown(summary.Total, metrics);
    }

    private static MetricDistribution ReadSummary(Npgsql.NpgsqlDataReader r, int at)
    {
        var quartiles = r.NullableDoubles(at + 5);
        return new MetricDistribution(r.GetInt64(at), Round(r.NullableDouble(at + 1)), Round(r.NullableDouble(at + 2)), Round(r.NullableDouble(at + 3)),
            Round(quartiles?[0]), Round(quartiles?[1]), Round(quartiles?[2]), Round(r.NullableDouble(at + 4)), []);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}

public sealed record QualityBreakdown(long SampleSize, IReadOnlyDictionary<string, MetricDistribution> Metrics);

public sealed record MetricDistribution(long Count, double? Mean, double? StdDev, double? Min, double? Q1, double? Median, double? Q3, double? Max,
    IReadOnlyList<HistogramBin> Histogram);

/// <summary>Scores in [From, To); the last bin also holds 100 (and values outside 0–100 are counted in the nearest end bin).</summary>
public sealed record HistogramBin(double From, double To, long Count)
{
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{From}-{To}");
}
