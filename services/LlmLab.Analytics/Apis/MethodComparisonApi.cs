using LlmLab.Analytics.Analysis;
using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Queries;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// GET /api/analytics/methods/comparison?run_a=…&amp;run_b=…&amp;metric=…&amp;threshold=…: pairs the two runs' responses by
/// item identity (equal prompt, model, parameters and repetition — never the grid position) and compares them; any
/// stored metric can be used, exact_match included. Runs that share no item are refused (422) with the reason.
/// </summary>
public static class MethodComparisonApi
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
        if (!MetricNames.IsValid(metric)) return Problems.Invalid("metric", "must be a metric name such as overall_score or exact_match.", StatusCodes.Status400BadRequest);
        // 0/1 metrics (exact_match) count as correct at 1; scores on 0–100 at 50 unless the caller says otherwise.
        var cut = threshold ?? (metric == "exact_match" ? 1 : 50);
        if (!double.IsFinite(cut)) return Problems.Invalid("threshold", "must be a finite number.", StatusCodes.Status400BadRequest);

        var tenant = http.TenantId()!;
        if (await ids.UnknownAsync(tenant, "run_a", a, null, ct) is { } unknownA) return unknownA;
        if (await ids.UnknownAsync(tenant, "run_b", b, null, ct) is { } unknownB) return unknownB;
        var (itemsA, itemsB) = await sql.RunItemsAsync(tenant, a, b, metric, ct);
        var pairing = ItemPairing.Pair(itemsA, itemsB);
        if (pairing.NoSharedItemReason is { } why) return Problems.Invalid("run_b", why);
        return TypedResults.Ok(MethodComparer.Compare(a, b, metric, cut, pairing.Pairs.Select(p => (p.A, p.B)).ToList(),
            pairing.Pairs.Select(p => p.Key).ToList(), pairing.UnpairedA, pairing.UnpairedB));
    }
}
