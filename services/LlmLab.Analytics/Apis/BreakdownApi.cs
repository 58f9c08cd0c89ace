using System.Globalization;
using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Queries;
using LlmLab.Analytics.Rollups;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>GET /api/analytics/quality/breakdown: each score's count, mean, spread, quartiles and a 10-bin histogram over 0–100 (a score without a value is in no bin).</summary>
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
        var source = ScoreSource.For(scope);
        const int perScore = 5 + RollupSchema.Bins;
        var sums = (await sql.QueryAsync(c =>
        {
            var aggregates = columns.Select(m =>
                $"{source.MomentsOf(m)}, {string.Join(", ", Enumerable.Range(1, RollupSchema.Bins).Select(b => source.Bin(m, b)))}");
            return $"SELECT {source.Responses}, {string.Join(", ", aggregates)} {source.From(c)}";
        }, r => (Total: r.WholeNumber(0), Metrics: columns.Select((_, i) => (Moments: ScoreSource.ReadMoments(r, 1 + i * perScore),
            Bins: Enumerable.Range(0, RollupSchema.Bins).Select(b => r.WholeNumber(6 + i * perScore + b)).ToArray())).ToList()), ct)).Single();

        // Quartiles are order statistics: read from the rows, on the fixed hash sample above HashSample.Target rows.
        var quartiles = (await sql.QueryAsync(c => $"""
            SELECT count(*), {string.Join(", ", columns.Select(m => $"percentile_cont(ARRAY[0.25, 0.5, 0.75]) WITHIN GROUP (ORDER BY {m})"))}
            FROM scored_responses WHERE {scope.Where(c)}{HashSample.Condition(sums.Total)}
            """, r => (Rows: r.GetInt64(0), Values: columns.Select((_, i) => r.NullableDoubles(1 + i)).ToList()), ct)).Single();

        var metrics = columns.Select((m, i) =>
        {
            var (moments, bins) = sums.Metrics[i];
            var q = quartiles.Values[i];
            var histogram = Enumerable.Range(0, RollupSchema.Bins).Select(b => new HistogramBin(b * 10, (b + 1) * 10, bins[b])).ToList();
            return (m, new MetricDistribution(moments.N, Round(moments.Mean), Round(moments.StdDev), Round(moments.Min),
                Round(q?[0]), Round(q?[1]), Round(q?[2]), Round(moments.Max), histogram));
        }).ToDictionary(p => p.m, p => p.Item2);
        return new QualityBreakdown(sums.Total, metrics, quartiles.Rows);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;
}

/// <summary>QuantileSampleSize: the rows the quartiles were computed on (SampleSize, or the fixed hash sample above 20,000).</summary>
public sealed record QualityBreakdown(long SampleSize, IReadOnlyDictionary<string, MetricDistribution> Metrics, long QuantileSampleSize);

public sealed record MetricDistribution(long Count, double? Mean, double? StdDev, double? Min, double? Q1, double? Median, double? Q3, double? Max,
    IReadOnlyList<HistogramBin> Histogram);

/// <summary>Scores in [From, To); the last bin also holds 100 (and values outside 0–100 are counted in the nearest end bin).</summary>
public sealed record HistogramBin(double From, double To, long Count)
{
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{From}-{To}");
}
