using LlmLab.Analytics.Data;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Apis;

/// <summary>GET /api/analytics/models/comparison: per provider and model, quality, latency percentiles, tokens and cost.</summary>
public static class ModelComparisonApi
{
    public static IEndpointRouteBuilder MapModelComparisonApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/analytics/models/comparison", CompareAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<List<ModelSummary>>, ProblemHttpResult>> CompareAsync(HttpContext http, AnalyticsDbContext db, TimeProvider time, CancellationToken ct, int days = 30)
    {
        if (days is < 1 or > 3650) return Problems.Invalid("days", "must be between 1 and 3650.", StatusCodes.Status400BadRequest);
        var since = time.GetUtcNow().AddDays(-days);
        var rows = await db.ScoredResponses.AsNoTracking()
            .Where(r => r.TenantId == http.TenantId() && r.CreatedAt >= since)
            .Select(r => new { r.Provider, r.Model, r.OverallScore, r.ResponseTimeMs, r.PromptTokens, r.CompletionTokens, r.CostUsd })
            .ToListAsync(ct);
        var summaries = rows.GroupBy(r => (r.Provider, r.Model)).Select(g =>
        {
            var latency = g.Select(r => r.ResponseTimeMs).Order().ToList();
            var quality = Tests.Describe(g.Select(r => r.OverallScore).OfType<double>().ToList());
            return new ModelSummary(g.Key.Provider, g.Key.Model, g.Count(),
                quality.Count == 0 ? null : Math.Round(quality.Mean, 2), quality.Count < 2 ? null : Math.Round(quality.StdDev, 2),
                Math.Round(Percentiles.Of(latency, 50), 1), Math.Round(Percentiles.Of(latency, 95), 1), Math.Round(Percentiles.Of(latency, 99), 1),
                Math.Round(g.Average(r => r.PromptTokens), 1), Math.Round(g.Average(r => r.CompletionTokens), 1), Math.Round(g.Sum(r => r.CostUsd), 6));
        }).OrderByDescending(s => s.MeanOverallScore).ToList();
        return TypedResults.Ok(summaries);
    }
}

public sealed record ModelSummary(string Provider, string Model, int Responses, double? MeanOverallScore, double? StdDevOverallScore,
    double LatencyP50Ms, double LatencyP95Ms, double LatencyP99Ms, double MeanPromptTokens, double MeanCompletionTokens, double TotalCostUsd);
