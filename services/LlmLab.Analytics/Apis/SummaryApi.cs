using LlmLab.Analytics.Domain;
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

    /// <summary>
    /// Tenant-wide, every figure but the latency percentiles comes from the rollups (sums per day, and the per-day run
    /// sets for the distinct runs); a run's, an experiment's or a user's own scope reads the rows through the same expressions.
    /// </summary>
    public static async Task<AnalyticsSummary> QueryAsync(AnalyticsSql sql, AnalyticsScope scope, string timeframe, CancellationToken ct)
    {
        var source = ScoreSource.For(scope);
        // prompt_tokens, completion_tokens and cost_usd are named alike in the rows and the rollup, so one sum serves both.
        var totals = (await sql.QueryAsync(c => $"""
            SELECT {source.Responses}, coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0), coalesce(sum(cost_usd), 0),
                   {source.N(ScoreColumns.Overall)}, {source.Sum(ScoreColumns.Overall)},
                   {string.Join(", ", RollupSchema.ReferenceMetrics.Select(m => $"{source.ReferenceN(m)}, {source.ReferenceSum(m)}"))}
            {source.From(c)}
            """, r => new SummaryTotals(r.WholeNumber(0), r.WholeNumber(1), r.WholeNumber(2), r.GetDouble(3), r.WholeNumber(4), r.NullableDouble(5),
                r.WholeNumber(6), r.NullableDouble(7), r.WholeNumber(8), r.NullableDouble(9)), ct)).Single();
        if (totals.Responses == 0) return totals.ToSummary(timeframe, 0, null, 0);
        var runs = (await sql.QueryAsync(c => $"SELECT count(DISTINCT run_id) {source.RunsFrom(c)}", r => r.GetInt64(0), ct)).Single();
        // Order statistics on the fixed hash sample above HashSample.Target rows, like every other percentile.
        var latency = (await sql.QueryAsync(c => $"""
            SELECT percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY response_time_ms), count(*)
            FROM scored_responses WHERE {scope.Where(c)}{HashSample.Condition(totals.Responses)}
            """, r => (Values: r.NullableDoubles(0), Rows: r.GetInt64(1)), ct)).Single();
        return totals.ToSummary(timeframe, runs, latency.Values, latency.Rows);
    }
}

/// <summary>Accuracy over the responses scored against a reference (Responses of them); null without any.</summary>
public sealed record ReferenceAccuracy(long Responses, double? ExactMatch, double? F1);

/// <summary>LatencySampleSize: the responses the latency percentiles were computed on (all of them, or the fixed hash sample above 20,000).</summary>
public sealed record AnalyticsSummary(string Timeframe, long Responses, long Runs, double? MeanOverallScore, ReferenceAccuracy Accuracy,
    double? LatencyP50Ms, double? LatencyP95Ms, long LatencySampleSize, long PromptTokens, long CompletionTokens, double CostUsd);
