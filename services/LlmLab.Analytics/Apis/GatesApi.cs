using System.Text.Json;
using LlmLab.Analytics.Data;
using LlmLab.Analytics.Gates;
using LlmLab.Analytics.Queries;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// Quality gates: PUT/GET/DELETE /api/experiments/{id}/gates (the thresholds every finished run of the experiment must
/// meet), GET /api/runs/{id}/gate (a finished run's or evaluation's result, each check with its actual value and reason).
/// </summary>
public static class GatesApi
{
    public static IEndpointRouteBuilder MapGatesApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/experiments/{id:guid}/gates", PutAsync).RequireTenant();
        app.MapGet("/api/experiments/{id:guid}/gates", GetAsync).RequireTenant();
        app.MapDelete("/api/experiments/{id:guid}/gates", DeleteAsync).RequireTenant();
        app.MapGet("/api/runs/{id:guid}/gate", GetResultAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<GateDefinitionView>, ProblemHttpResult>> PutAsync(Guid id, JsonElement body, HttpContext http, AnalyticsDbContext db,
        KnownIds ids, TimeProvider time, CancellationToken ct)
    {
        GateRequest request;
        try
        {
            request = GateRequest.Parse(body, ServiceKitExtensions.Json);
        }
        catch (JsonException e)
        {
            return Problems.Invalid(string.IsNullOrEmpty(e.Path) ? "body" : e.Path, e.Message, StatusCodes.Status400BadRequest);
        }
        if (request.Validate() is { Count: > 0 } errors) return Problems.Invalid(errors);

        var tenant = http.TenantId()!;
        if (await ids.UnknownAsync(tenant, "id", null, id, ct) is not null) return Problems.NotFound("Experiment", id);
        if (await ids.UnknownAsync(tenant, "baseline_run_id", request.BaselineRunId, null, ct) is { } unknownBaseline) return unknownBaseline;

        var gate = new GateDefinition
        {
            TenantId = tenant,
            ExperimentId = id,
            Checks = request.Thresholds(),
            BaselineRunId = request.BaselineRunId,
            NoSignificantRegression = request.NoSignificantRegression ?? false,
            RegressionMetric = request.RegressionMetric ?? GateMetrics.DefaultRegressionMetric,
            UpdatedAt = time.GetUtcNow(),
        };
        var lockKey = id.ToString();
        await db.InTransactionAsync(async t =>
        {
            // Two PUTs at once would both delete the old definition and both insert (a duplicate key): one waits here.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('gate_definitions'), hashtext({lockKey}))", t);
            await db.GateDefinitions.Where(g => g.TenantId == tenant && g.ExperimentId == id).ExecuteDeleteAsync(t);
            db.GateDefinitions.Add(gate);
            return await db.SaveChangesAsync(t);
        }, ct);
        return TypedResults.Ok(GateDefinitionView.Of(gate));
    }

    public static async Task<Results<Ok<GateDefinitionView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, AnalyticsDbContext db, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var gate = await db.GateDefinitions.AsNoTracking().SingleOrDefaultAsync(g => g.TenantId == tenant && g.ExperimentId == id, ct);
        return gate is null ? Problems.NotFound("Gate of experiment", id) : TypedResults.Ok(GateDefinitionView.Of(gate));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, AnalyticsDbContext db, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var deleted = await db.GateDefinitions.Where(g => g.TenantId == tenant && g.ExperimentId == id).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Problems.NotFound("Gate of experiment", id) : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<GateResultView>, ProblemHttpResult>> GetResultAsync(Guid id, HttpContext http, AnalyticsDbContext db, KnownIds ids,
        CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        // The finished row first: the result is written in the transaction that marks the run processed, so a row read as
        // processed guarantees the result read after it is visible (read the other way round, a commit between the two
        // reads answered "no gate" for a run whose gate had just passed).
        var finished = await db.FinishedRuns.AsNoTracking().SingleOrDefaultAsync(r => r.RunId == id && r.TenantId == tenant, ct);
        var result = await db.GateResults.AsNoTracking().SingleOrDefaultAsync(r => r.RunId == id && r.TenantId == tenant, ct);
        if (result is not null) return TypedResults.Ok(GateResultView.Of(result));
        if (finished is { ProcessedAt: null })
            return Problems.Conflict($"Run {id} has finished; its gate is evaluated once its scored responses have arrived. Try again shortly.");
        if (finished is not null)
            return TypedResults.Problem(title: "Gate result not found", statusCode: StatusCodes.Status404NotFound,
                detail: $"Run {id} finished while its experiment had no gate. A gate (PUT /api/experiments/{finished.ExperimentId}/gates) applies to the runs that finish after it.");
        // Also for evaluations (their results live in the same table; their finish and gate in their own).
        if (await EvaluationGatesApi.ResultAsync(db, tenant, id, ct) is { } evaluation) return evaluation;
        if (await ids.UnknownAsync(tenant, "id", id, null, ct) is { } unknown) return unknown;
        return Problems.Conflict($"Run {id} has not finished; its gate is evaluated when it does.");
    }
}
