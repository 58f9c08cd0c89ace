using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Queries;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Evaluation.Apis;

/// <summary>
/// GET /internal/evaluations/{id}/gate-results (service to service, as the tenant; the gateway has no route to it): what
/// analytics needs to evaluate an evaluation's gate — the per-method summaries and every work item's correctness, without
/// answers or traces.
/// </summary>
public static class GateResultsApi
{
    public static IEndpointRouteBuilder MapGateResultsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/internal/evaluations/{id:guid}/gate-results", GetAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<EvaluationGateResults>, ProblemHttpResult>> GetAsync(
        Guid id, HttpContext http, EvaluationDbContext db, EvaluationQueries queries, CancellationToken ct)
    {
        var evaluation = await db.FindEvaluationAsync(id, http.TenantId()!, ct);
        if (evaluation is null) return Problems.NotFound("Evaluation", id);
        var items = await queries.ScoredAsync(id, ct);
        return TypedResults.Ok(new EvaluationGateResults(evaluation.Id, evaluation.DatasetId, EnumNames.Name(evaluation.Status), evaluation.FinishedAt,
            EvaluationQueries.Summaries(evaluation, items),
            items.Select(i => new GateItem(i.ItemKey, i.MethodLabel, i.Answered, i.Correct)).OrderBy(i => i.ItemId, StringComparer.Ordinal).ToList()));
    }
}

/// <summary>An evaluation's figures for its gate: per-method summaries and each work item's exact-match correctness.</summary>
public sealed record EvaluationGateResults(Guid Id, Guid DatasetId, string Status, DateTimeOffset? FinishedAt, IReadOnlyList<MethodSummary> Summary,
    IReadOnlyList<GateItem> Items);

/// <summary>One work item: the dataset item, the method's label, whether it was answered and correct (exact match).</summary>
public sealed record GateItem(string ItemId, string Method, bool Answered, bool Correct);
