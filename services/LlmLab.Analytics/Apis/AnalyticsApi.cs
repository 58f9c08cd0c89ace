using LlmLab.Analytics.Data;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Apis;

public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analytics").RequireTenant();
        api.MapGet("/quality/breakdown", BreakdownAsync);
        return app;
    }

    /// <summary>Mean, spread and range of each stored score, optionally for one run.</summary>
    public static async Task<Ok<QualityBreakdown>> BreakdownAsync(HttpContext http, AnalyticsDbContext db, CancellationToken ct, Guid? run_id = null)
    {
        var rows = db.ScoredResponses.AsNoTracking().Where(r => r.TenantId == http.TenantId());
        if (run_id is not null) rows = rows.Where(r => r.RunId == run_id);
        var scores = await rows.Select(r => new { r.OverallScore, r.ReadabilityScore, r.LengthAppropriatenessScore }).ToListAsync(ct);
        var metrics = new Dictionary<string, MetricSummary>
        {
            ["overall_score"] = MetricSummary.Of(scores.Select(s => s.OverallScore)),
            ["readability_score"] = MetricSummary.Of(scores.Select(s => s.ReadabilityScore)),
            ["length_appropriateness_score"] = MetricSummary.Of(scores.Select(s => s.LengthAppropriatenessScore)),
        };
        return TypedResults.Ok(new QualityBreakdown(scores.Count, metrics));
    }
}

public sealed record QualityBreakdown(int SampleSize, IReadOnlyDictionary<string, MetricSummary> Metrics);

public sealed record MetricSummary(int Count, double? Mean, double? StdDev, double? Min, double? Max)
{
    public static MetricSummary Of(IEnumerable<double?> values)
    {
        var v = values.OfType<double>().ToList();
        if (v.Count == 0) return new MetricSummary(0, null, null, null, null);
        var mean = v.Average();
        var std = v.Count > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Count - 1)) : 0;
        return new MetricSummary(v.Count, Math.Round(mean, 4), Math.Round(std, 4), v.Min(), v.Max());
    }
}
