using System.Text.Json;
using LlmLab.Analytics.Data;
using LlmLab.Analytics.EvaluationGates;
using LlmLab.Analytics.Gates;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// Quality gates of evaluations: PUT/GET/DELETE /api/evaluations/{id}/gates and GET /api/evaluations/{id}/gate (the
/// result, also served by GET /api/runs/{id}/gate). Setting a gate on a finished evaluation evaluates it again.
/// </summary>
public static class EvaluationGatesApi
{
    public static IEndpointRouteBuilder MapEvaluationGatesApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/evaluations/{id:guid}/gates", PutAsync).RequireTenant();
        app.MapGet("/api/evaluations/{id:guid}/gates", GetAsync).RequireTenant();
        app.MapDelete("/api/evaluations/{id:guid}/gates", DeleteAsync).RequireTenant();
        app.MapGet("/api/evaluations/{id:guid}/gate", GetResultAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<EvaluationGateView>, ProblemHttpResult>> PutAsync(Guid id, JsonElement body, HttpContext http, AnalyticsDbContext db,
        EvaluationResultsClient evaluations, TimeProvider time, CancellationToken ct)
    {
        EvaluationGateRequest request;
        try
        {
            request = EvaluationGateRequest.Parse(body, ServiceKitExtensions.Json);
        }
        catch (JsonException e)
        {
            return Problems.Invalid(string.IsNullOrEmpty(e.Path) ? "body" : e.Path, e.Message, StatusCodes.Status400BadRequest);
        }
        if (request.Validate(id) is { Count: > 0 } errors) return Problems.Invalid(errors);

        var tenant = http.TenantId()!;
        if (!await evaluations.ExistsAsync(tenant, id, ct)) return Problems.NotFound("Evaluation", id);
        if (request.BaselineEvaluationId is { } baseline && !await evaluations.ExistsAsync(tenant, baseline, ct))
            return Problems.Invalid("baseline_evaluation_id", $"no evaluation with id {baseline}.");

        var gate = new EvaluationGateDefinition
        {
            TenantId = tenant,
            EvaluationId = id,
            Checks = request.Thresholds(),
            BaselineEvaluationId = request.BaselineEvaluationId,
            NoSignificantRegression = request.NoSignificantRegression ?? false,
            UpdatedAt = time.GetUtcNow(),
        };
        var lockKey = id.ToString();
        await db.InTransactionAsync(async t =>
        {
            // Two PUTs at once would both delete the old definition and both insert (a duplicate key): one waits here.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('evaluation_gate_definitions'), hashtext({lockKey}))", t);
            await db.EvaluationGateDefinitions.Where(g => g.TenantId == tenant && g.EvaluationId == id).ExecuteDeleteAsync(t);
            db.EvaluationGateDefinitions.Add(gate);
            await db.SaveChangesAsync(t);
            return await Reevaluate(db, tenant, id, t);
        }, ct);
        return TypedResults.Ok(EvaluationGateView.Of(gate));
    }

    public static async Task<Results<Ok<EvaluationGateView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, AnalyticsDbContext db, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var gate = await db.EvaluationGateDefinitions.AsNoTracking().SingleOrDefaultAsync(g => g.TenantId == tenant && g.EvaluationId == id, ct);
        return gate is null ? Problems.NotFound("Gate of evaluation", id) : TypedResults.Ok(EvaluationGateView.Of(gate));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, AnalyticsDbContext db, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var deleted = await db.InTransactionAsync(async t =>
        {
            var rows = await db.EvaluationGateDefinitions.Where(g => g.TenantId == tenant && g.EvaluationId == id).ExecuteDeleteAsync(t);
            if (rows > 0) await db.GateResults.Where(r => r.TenantId == tenant && r.RunId == id).ExecuteDeleteAsync(t);
            return rows;
        }, ct);
        return deleted == 0 ? Problems.NotFound("Gate of evaluation", id) : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<GateResultView>, ProblemHttpResult>> GetResultAsync(Guid id, HttpContext http, AnalyticsDbContext db,
        EvaluationResultsClient evaluations, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        if (await ResultAsync(db, tenant, id, ct) is { } known) return known;
        if (!await evaluations.ExistsAsync(tenant, id, ct)) return Problems.NotFound("Evaluation", id);
        return Problems.Conflict($"Evaluation {id} has not finished; its gate is evaluated when it does.");
    }

    /// <summary>
    /// An evaluation's gate result, or the problem that says why there is none yet; null when analytics knows neither the
    /// evaluation's finish nor its gate.
    /// </summary>
    public static async Task<Results<Ok<GateResultView>, ProblemHttpResult>?> ResultAsync(AnalyticsDbContext db, string tenant, Guid id, CancellationToken ct)
    {
        // The finished row first, as for runs (GatesApi.GetResultAsync): its result commits with its processed mark.
        var finished = await db.FinishedEvaluations.AsNoTracking().SingleOrDefaultAsync(e => e.EvaluationId == id && e.TenantId == tenant, ct);
        var result = await db.GateResults.AsNoTracking().SingleOrDefaultAsync(r => r.RunId == id && r.TenantId == tenant, ct);
        if (result is not null) return TypedResults.Ok(GateResultView.Of(result));
        if (finished is { ProcessedAt: null })
            return Problems.Conflict($"Evaluation {id} has finished; its gate is being evaluated. Try again shortly.");
        if (finished is not null)
            return TypedResults.Problem(title: "Gate result not found", statusCode: StatusCodes.Status404NotFound,
                detail: $"Evaluation {id} has no gate. PUT /api/evaluations/{id}/gates sets one and evaluates it at once.");
        if (await db.EvaluationGateDefinitions.AnyAsync(g => g.TenantId == tenant && g.EvaluationId == id, ct))
            return Problems.Conflict($"Evaluation {id} has not finished; its gate is evaluated when it does.");
        return null;
    }

    /// <summary>A finished evaluation whose gate changed is judged again: its old result goes, and it is pending once more.</summary>
    private static async Task<int> Reevaluate(AnalyticsDbContext db, string tenant, Guid id, CancellationToken ct)
    {
        await db.GateResults.Where(r => r.TenantId == tenant && r.RunId == id).ExecuteDeleteAsync(ct);
        return await db.FinishedEvaluations.Where(e => e.TenantId == tenant && e.EvaluationId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ProcessedAt, (DateTimeOffset?)null), ct);
    }
}
