using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Queries;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Export;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>GET /api/export/analytics/{type}?format=…: an analytics view (with the views' own filters) as a file, one row per cell of the view.</summary>
public static class AnalyticsExportApi
{
    public static readonly IReadOnlyList<string> Types = ["breakdown", "trends", "models", "optimization", "correlation"];

    private static readonly ColumnKind T = ColumnKind.Text, N = ColumnKind.Number, W = ColumnKind.WholeNumber;

    public static IEndpointRouteBuilder MapAnalyticsExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/export/analytics/{type}", ExportAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExportAsync(string type, HttpContext http, AnalyticsSql sql, TimeProvider time, CancellationToken ct, string format = "csv")
    {
        if (!Types.Contains(type)) return Problems.Invalid("type", $"must be one of {string.Join(", ", Types)}.", StatusCodes.Status404NotFound);
        if (!ExportFormat.IsKnown(format)) return Problems.Invalid("format", $"must be one of {string.Join(", ", ExportFormat.All)}.", StatusCodes.Status400BadRequest);
        var (scope, problem) = await AnalyticsScope.FromAsync(http, time, ct, defaultTimeframe: type is "trends" or "models" ? "30d" : null);
        if (scope is null) return problem!;

        var (columns, rows) = await TableAsync(type, sql, scope, ct);
        ExportFormat.Prepare(http.Response, format, $"analytics-{type}");
        await TableWriter.WriteAllAsync(format, http.Response.Body, columns, rows.ToAsyncEnumerable(), ct);
        return TypedResults.Empty;
    }

    private static async Task<(List<ExportColumn>, List<object?[]>)> TableAsync(string type, AnalyticsSql sql, AnalyticsScope scope, CancellationToken ct)
    {
        switch (type)
        {
            case "breakdown":
                var breakdown = await BreakdownApi.QueryAsync(sql, scope, ct);
                return (Columns(("metric", T), ("count", W), ("mean", N), ("std_dev", N), ("min", N), ("q1", N), ("median", N), ("q3", N), ("max", N)),
                    breakdown.Metrics.Select(m => new object?[] { m.Key, m.Value.Count, m.Value.Mean, m.Value.StdDev, m.Value.Min, m.Value.Q1, m.Value.Median, m.Value.Q3, m.Value.Max }).ToList());
            case "trends":
                var trend = TrendsApi.Describe(ScoreColumns.Overall, "", await TrendsApi.QueryPointsAsync(sql, scope, ScoreColumns.Overall, ct));
                return (Columns(("date", T), ("count", W), ("mean_overall_score", N)),
                    trend.Points.Select(p => new object?[] { p.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.Count, p.Mean }).ToList());
            case "models":
                var models = await ModelComparisonApi.QueryAsync(sql, scope, ct);
                return (Columns(("provider", T), ("model", T), ("responses", W), ("mean_overall_score", N), ("std_dev_overall_score", N), ("latency_p50_ms", N),
                        ("latency_p95_ms", N), ("latency_p99_ms", N), ("mean_prompt_tokens", N), ("mean_completion_tokens", N), ("total_cost_usd", N)),
                    models.Select(m => new object?[] { m.Provider, m.Model, m.Responses, m.MeanOverallScore, m.StdDevOverallScore, m.LatencyP50Ms, m.LatencyP95Ms,
                        m.LatencyP99Ms, m.MeanPromptTokens, m.MeanCompletionTokens, m.TotalCostUsd }).ToList());
            case "optimization":
                var optimization = await ParameterOptimizationApi.QueryAsync(sql, scope, ScoreColumns.Overall, ct);
                return (Columns(("parameter", T), ("value", T), ("count", W), ("mean_overall_score", N), ("std_dev", N), ("optimal", T), ("p_value", N)),
                    optimization.Parameters.SelectMany(p => p.Values.Select(v => new object?[] { p.Parameter, v.Value, v.Count, v.Mean, v.StdDev, v.Value == p.OptimalValue ? "yes" : "no", p.PValue })).ToList());
            default:
                var correlation = await CorrelationApi.QueryAsync(sql, scope, ct);
                return (Columns(("parameter", T), ("metric", T), ("n", W), ("pearson", N), ("pearson_p", N), ("spearman", N), ("spearman_p", N)),
                    correlation.Correlations.Select(c => new object?[] { c.Parameter, c.Metric, c.N, c.Pearson, c.PearsonP, c.Spearman, c.SpearmanP }).ToList());
        }
    }

    private static List<ExportColumn> Columns(params (string Name, ColumnKind Kind)[] columns) => columns.Select(c => new ExportColumn(c.Name, c.Kind)).ToList();
}
