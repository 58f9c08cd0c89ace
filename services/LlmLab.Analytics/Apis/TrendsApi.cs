using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Queries;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// GET /api/analytics/quality/trends: the daily mean of a score over a timeframe, and its direction from a least-squares
/// line through the daily means (improving or declining only where the slope's p &lt; 0.05).
/// </summary>
public static class TrendsApi
{
    public const double Significance = 0.05;

    public static IEndpointRouteBuilder MapTrendsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/analytics/quality/trends", TrendsAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<QualityTrend>, ProblemHttpResult>> TrendsAsync(HttpContext http, AnalyticsSql sql, TimeProvider time, CancellationToken ct, string? metric = null)
    {
        var (scope, problem) = await AnalyticsScope.FromAsync(http, time, ct, defaultTimeframe: "30d");
        if (scope is null) return problem!;
        metric ??= ScoreColumns.Overall;
        if (!ScoreColumns.IsScore(metric)) return Problems.Invalid("metric", $"must be one of {string.Join(", ", ScoreColumns.All)}.", StatusCodes.Status400BadRequest);

        var points = await QueryPointsAsync(sql, scope, metric, ct);
        return TypedResults.Ok(Describe(metric, http.Request.Query["timeframe"].FirstOrDefault() ?? "30d", points));
    }

    public static Task<List<TrendPoint>> QueryPointsAsync(AnalyticsSql sql, AnalyticsScope scope, string metric, CancellationToken ct)
    {
        var source = ScoreSource.For(scope);
        return sql.QueryAsync(c => $"""
            SELECT {source.Day}, {source.N(metric)}, {source.Sum(metric)}
            {source.From(c)} AND {source.HasValue(metric)} GROUP BY 1 ORDER BY 1
            """, r => new TrendPoint(DateOnly.FromDateTime(r.GetDateTime(0)), r.WholeNumber(1), Math.Round(r.GetDouble(2) / r.WholeNumber(1), 4)), ct);
    }

    public static QualityTrend Describe(string metric, string timeframe, IReadOnlyList<TrendPoint> points)
    {
        var sampleSize = points.Sum(p => p.Count);
        if (points.Count < 3) return new QualityTrend(metric, timeframe, sampleSize, points, "insufficient_data", null, null, null);
        var origin = points[0].Date.DayNumber;
        var fit = LinearFit.Of(points.Select(p => (double)(p.Date.DayNumber - origin)).ToList(), points.Select(p => p.Mean).ToList());
        var direction = fit.SlopePValue >= Significance ? "stable" : fit.Slope > 0 ? "improving" : "declining";
        return new QualityTrend(metric, timeframe, sampleSize, points, direction, Math.Round(fit.Slope, 4), Math.Round(fit.RSquared, 4), Math.Round(fit.SlopePValue, 6));
    }
}

public sealed record TrendPoint(DateOnly Date, long Count, double Mean);

/// <summary>RatePerDay is the fitted slope in score points per day.</summary>
public sealed record QualityTrend(string Metric, string Timeframe, long SampleSize, IReadOnlyList<TrendPoint> Points, string Direction,
    double? RatePerDay, double? RSquared, double? PValue);
