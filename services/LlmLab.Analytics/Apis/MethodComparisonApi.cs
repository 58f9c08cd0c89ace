using System.Text.RegularExpressions;
using LlmLab.Analytics.Analysis;
using LlmLab.Analytics.Queries;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// GET /api/analytics/methods/comparison?run_a=…&amp;run_b=…&amp;metric=…&amp;threshold=…: pairs the two runs' responses by
/// item identity (equal prompt, model, parameters and repetition — never the grid position) and compares them; any
/// stored metric can be used, exact_match included. Runs that share no item are refused (422) with the reason.
/// </summary>
public static partial class MethodComparisonApi
{
    public static IEndpointRouteBuilder MapMethodComparisonApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/analytics/methods/comparison", CompareAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<MethodComparison>, ProblemHttpResult>> CompareAsync(HttpContext http, AnalyticsSql sql, KnownIds ids, CancellationToken ct,
        Guid? run_a = null, Guid? run_b = null, string metric = "overall_score", double? threshold = null)
    {
        if (run_a is not { } a) return Problems.Invalid("run_a", "is required: the id of the first run (batch).", StatusCodes.Status400BadRequest);
        if (run_b is not { } b) return Problems.Invalid("run_b", "is required: the id of the second run (batch).", StatusCodes.Status400BadRequest);
        if (a == b) return Problems.Invalid("run_b", "must differ from run_a.", StatusCodes.Status400BadRequest);
        if (!MetricName().IsMatch(metric)) return Problems.Invalid("metric", "must be a metric name such as overall_score or exact_match.", StatusCodes.Status400BadRequest);
        // 0/1 metrics (exact_match) count as correct at 1; scores on 0–100 at 50 unless the caller says otherwise.
        var cut = threshold ?? (metric == "exact_match" ? 1 : 50);
        if (!double.IsFinite(cut)) return Problems.Invalid("threshold", "must be a finite number.", StatusCodes.Status400BadRequest);

        var tenant = http.TenantId()!;
        if (await ids.UnknownAsync(tenant, "run_a", a, null, ct) is { } unknownA) return unknownA;
        if (await ids.UnknownAsync(tenant, "run_b", b, null, ct) is { } unknownB) return unknownB;
        var items = await sql.QueryAsync(c =>
        {
            c.Parameters.AddWithValue("tenant", tenant);
            c.Parameters.AddWithValue("a", a);
            c.Parameters.AddWithValue("b", b);
            c.Parameters.AddWithValue("metric", metric);
            return """
                SELECT run_id, item_identity, item_key, (metrics ->> @metric)::float8, model, temperature, top_p, max_tokens,
                       frequency_penalty, presence_penalty
                FROM scored_responses WHERE tenant_id = @tenant AND run_id IN (@a, @b)
                """;
        }, r => (Run: r.GetGuid(0), Item: new RunItem(r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
            r.NullableDouble(3), r.GetString(4), r.GetDouble(5), r.GetDouble(6), r.GetInt32(7), r.GetDouble(8), r.GetDouble(9))), ct);
        var pairing = ItemPairing.Pair(items.Where(x => x.Run == a).Select(x => x.Item).ToList(), items.Where(x => x.Run == b).Select(x => x.Item).ToList());
        if (pairing.NoSharedItemReason is { } why) return Problems.Invalid("run_b", why);
        return TypedResults.Ok(MethodComparer.Compare(a, b, metric, cut, pairing.Pairs.Select(p => (p.A, p.B)).ToList(),
            pairing.Pairs.Select(p => p.Key).ToList(), pairing.UnpairedA, pairing.UnpairedB));
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex MetricName();
}
