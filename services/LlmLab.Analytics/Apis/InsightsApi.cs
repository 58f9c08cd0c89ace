using LlmLab.Analytics.Analysis;
using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Queries;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// Insights in plain sentences: GET /api/analytics/parameters/insights across experiments (filters as the other views),
/// and GET /api/experiments/batch/{id}/insights for one batch (the gateway routes that path here).
/// </summary>
public static class InsightsApi
{
    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/analytics/parameters/insights", AcrossExperimentsAsync).RequireTenant();
        app.MapGet("/api/experiments/batch/{id:guid}/insights", ForBatchAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<InsightReport>, ProblemHttpResult>> AcrossExperimentsAsync(HttpContext http, AnalyticsSql sql, TimeProvider time, CancellationToken ct)
    {
        var (scope, problem) = await AnalyticsScope.FromAsync(http, time, ct);
        if (scope is null) return problem!;
        return TypedResults.Ok(await ReportAsync(sql, scope, ct));
    }

    public static async Task<Results<Ok<InsightReport>, ProblemHttpResult>> ForBatchAsync(Guid id, HttpContext http, AnalyticsSql sql, KnownIds ids, CancellationToken ct)
    {
        if (await ids.UnknownAsync(http.TenantId()!, "id", id, null, ct) is not null) return Problems.NotFound("Batch run", id);
        return TypedResults.Ok(await ReportAsync(sql, new AnalyticsScope(http.TenantId()!, id, null, null), ct));
    }

    private static async Task<InsightReport> ReportAsync(AnalyticsSql sql, AnalyticsScope scope, CancellationToken ct)
    {
        var optimization = await ParameterOptimizationApi.QueryAsync(sql, scope, ScoreColumns.Overall, ct);
        var correlation = await CorrelationApi.QueryAsync(sql, scope, ct);
        var models = await ModelComparisonApi.QueryAsync(sql, scope, ct);
        return new InsightReport(scope.RunId, optimization.SampleSize, InsightWriter.Write(optimization, correlation, models, ModelTest.Of(models)));
    }
}

public sealed record InsightReport(Guid? BatchId, long SampleSize, IReadOnlyList<Insight> Insights);
