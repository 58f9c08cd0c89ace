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

    public static async Task<Results<Ok<InsightReport>, ProblemHttpResult>> AcrossExperimentsAsync(HttpContext http, IServiceScopeFactory scopes, TimeProvider time, CancellationToken ct)
    {
        var (scope, problem) = await AnalyticsScope.FromAsync(http, time, ct);
        if (scope is null) return problem!;
        return TypedResults.Ok(await ReportAsync(scopes, scope, ct));
    }

    public static async Task<Results<Ok<InsightReport>, ProblemHttpResult>> ForBatchAsync(Guid id, HttpContext http, IServiceScopeFactory scopes, KnownIds ids, CancellationToken ct)
    {
        if (await ids.UnknownAsync(http.TenantId()!, "id", id, null, ct) is not null) return Problems.NotFound("Batch run", id);
        return TypedResults.Ok(await ReportAsync(scopes, new AnalyticsScope(http.TenantId()!, id, null, null), ct));
    }

    /// <summary>The three views it draws on run at once, each on a connection of its own, so the answer takes the slowest of them, not their sum.</summary>
    private static async Task<InsightReport> ReportAsync(IServiceScopeFactory scopes, AnalyticsScope scope, CancellationToken ct)
    {
        var optimizationTask = OnOwnConnectionAsync(scopes, sql => ParameterOptimizationApi.QueryAsync(sql, scope, ScoreColumns.Overall, ct));
        var correlationTask = OnOwnConnectionAsync(scopes, sql => CorrelationApi.QueryAsync(sql, scope, ct));
        var modelsTask = OnOwnConnectionAsync(scopes, sql => ModelComparisonApi.QueryAsync(sql, scope, ct));
        await Task.WhenAll(optimizationTask, correlationTask, modelsTask);
        var (optimization, correlation, models) = (optimizationTask.Result, correlationTask.Result, modelsTask.Result);
        return new InsightReport(scope.RunId, optimization.SampleSize, InsightWriter.Write(optimization, correlation, models, ModelTest.Of(models)));
    }

    private static async Task<T> OnOwnConnectionAsync<T>(IServiceScopeFactory scopes, Func<AnalyticsSql, Task<T>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AnalyticsSql>());
    }
}

public sealed record InsightReport(Guid? BatchId, long SampleSize, IReadOnlyList<Insight> Insights);
