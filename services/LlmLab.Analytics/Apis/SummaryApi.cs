using LlmLab.Analytics.Queries;
using LlmLab.Analytics.Rollups;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// GET /api/analytics/summary: the dashboard's cards over a timeframe (default 30d) — scored responses and runs, accuracy
/// (exact match, F1) over the responses that had a reference, latency p50/p95, tokens and cost.
/// </summary>
public static class SummaryApi
{
    public static IEndpointRouteBuilder MapSummaryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/analytics/summary", SummaryAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<AnalyticsSummary>, ProblemHttpResult>> SummaryAsync(HttpContext http, AnalyticsSql sql, TimeProvider time, CancellationToken ct)
    {
        var (scope, problem) = await AnalyticsScope.FromAsync(http, time, ct, defaultTimeframe: "30d");
        if (scope is null) return problem!;
        var timeframe = http.Request.Query["timeframe"].FirstOrDefault() ?? "30d";
        return TypedResults.Ok(await QueryAsync(sql, scope, timeframe, ct));
    }

    public static async Task<AnalyticsSummary> QueryAsync(AnalyticsSql sql, AnalyticsScope scope, string timeframe, CancellationToken ct)
    {
        var totals = (await sql.QueryAsync(c => $"""
            SELECT count(*), count(DISTINCT run_id), coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0), coalesce(sum(cost_usd), 0),
                   avg(overall_score), count(*) FILTER (WHERE (metrics ->> 'exact_match') IS NOT NULL), avg((metrics ->> 'exact_match')::float8), avg((metrics ->> 'f1')::float8)
            FROM scored_responses WHERE {scope.Where(c)}
            """, r => (Responses: r.GetInt64(0), Runs: r.GetInt64(1), PromptTokens: r.WholeNumber(2), CompletionTokens: r.WholeNumber(3), Cost: r.GetDouble(4),
                Overall: r.NullableDouble(5), WithReference: r.GetInt64(6), ExactMatch: r.NullableDouble(7), F1: r.NullableDouble(8)), ct)).Single();
        (double[]? Values, long Rows) latency = (null, 0);
        if (totals.Responses > 0)
        {
            // Order statistics on the fixed hash sample above HashSample.Target rows, like every other percentile.
            latency = (await sql.QueryAsync(c => $"""
                SELECT percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY response_time_ms), count(*)
                FROM scored_responses WHERE {scope.Where(c)}{HashSample.Condition(totals.Responses)}
                """, r => (r.NullableDoubles(0), r.GetInt64(1)), ct)).Single();
        }
        return new AnalyticsSummary(timeframe, totals.Responses, totals.Runs, Round(totals.Overall, 2),
            new ReferenceAccuracy(totals.WithReference, Round(totals.ExactMatch, 4), Round(totals.F1, 4)),
            Round(latency.Values?[0], 1), Round(latency.Values?[1], 1), latency.Rows, totals.PromptTokens, totals.CompletionTokens, Math.Round(totals.Cost, 6));
    }

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}

/// <summary>Accuracy over the responses scored against a reference (Responses of them); null without any.</summary>
public sealed record ReferenceAccuracy(long Responses, double? ExactMatch, double? F1);

/// <summary>LatencySampleSize: the responses the latency percentiles were computed on (all of them, or the fixed hash sample above 20,000).</summary>
public sealed record AnalyticsSummary(string Timeframe, long Responses, long Runs, double? MeanOverallScore, ReferenceAccuracy Accuracy,
    double? LatencyP50Ms, double? LatencyP95Ms, long LatencySampleSize, long PromptTokens, long CompletionTokens, double CostUsd);
