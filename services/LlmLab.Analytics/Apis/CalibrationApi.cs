using System.Text.Json;
using LlmLab.Analytics.Data;
using LlmLab.Analytics.Domain;
using LlmLab.Analytics.Feedback;
using LlmLab.Analytics.Queries;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// POST /api/feedback/calibrate fits the overall score's weights to people's scores and keeps them as a named weight
/// profile; GET /api/feedback/profiles and /api/feedback/profiles/{name} read them back.
/// </summary>
public static class CalibrationApi
{
    /// <summary>The metrics the overall score weighs (every stored score column but the overall score itself).</summary>
    public static readonly IReadOnlyList<string> Weighable = ScoreColumns.All.Where(m => m != ScoreColumns.Overall).ToList();

    public static IEndpointRouteBuilder MapCalibrationApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/feedback/calibrate", CalibrateAsync).RequireTenant();
        app.MapGet("/api/feedback/profiles", ListAsync).RequireTenant();
        app.MapGet("/api/feedback/profiles/{name}", GetAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Created<WeightProfileView>, ProblemHttpResult>> CalibrateAsync(CalibrateRequest body, HttpContext http,
        AnalyticsDbContext db, AnalyticsSql sql, KnownIds ids, TimeProvider time, CancellationToken ct)
    {
        if (body.Validate() is { Count: > 0 } errors) return Problems.Invalid(errors);
        var tenant = http.TenantId()!;
        if (await ids.UnknownAsync(tenant, "run_id", body.RunId, body.ExperimentId, ct) is { } unknown) return unknown;

        var rows = (await ScoredFeedback.ReadAsync(sql, tenant, body.RunId, body.ExperimentId, ct))
            .Where(r => r.Metrics.ContainsKey(ScoreColumns.Overall) && Weighable.All(r.Metrics.ContainsKey))
            .Select(r => new CalibrationRow(r.ResponseId, r.Metrics, r.Metrics[ScoreColumns.Overall], r.People))
            .ToList();
        var folds = body.EffectiveFolds;
        if (rows.Count < Math.Max(Calibration.MinimumResponses, 2 * folds))
            return Problems.Invalid("feedback", $"calibration needs people's scores on at least {Math.Max(Calibration.MinimumResponses, 2 * folds)} " +
                $"quality-scored responses for {folds} folds; this scope has {rows.Count}.");
        if (rows.Select(r => r.People).Distinct().Count() < 2)
            return Problems.Invalid("feedback", "people gave every response the same score; there is nothing to fit.");

        var outcome = Calibration.Run(rows, Weighable, folds);
        if (outcome.Weights.Values.All(w => w == 0))
            return Problems.Invalid("feedback", "no automatic metric rises with people's scores in this feedback; no weights were fitted.");

        var now = time.GetUtcNow();
        var profile = await db.InTransactionAsync(async t =>
        {
            var row = await db.WeightProfiles.SingleOrDefaultAsync(p => p.TenantId == tenant && p.Name == body.Name, t);
            if (row is null)
            {
                row = new WeightProfile { Id = Guid.CreateVersion7(now), TenantId = tenant, Name = body.Name!, Outcome = "" };
                db.WeightProfiles.Add(row);
            }
            row.Outcome = JsonSerializer.Serialize(outcome, JsonSerializerOptions.Web);
            row.RunId = body.RunId;
            row.ExperimentId = body.ExperimentId;
            row.CreatedAt = now;
            await db.SaveChangesAsync(t);
            return row;
        }, ct);
        return TypedResults.Created($"/api/feedback/profiles/{profile.Name}", WeightProfileView.Of(profile));
    }

    public static async Task<Ok<ItemList<WeightProfileView>>> ListAsync(HttpContext http, AnalyticsDbContext db, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var rows = await db.WeightProfiles.AsNoTracking().Where(p => p.TenantId == tenant).OrderBy(p => p.Name).ToListAsync(ct);
        return TypedResults.Ok(new ItemList<WeightProfileView>(rows.Select(WeightProfileView.Of).ToList()));
    }

    public static async Task<Results<Ok<WeightProfileView>, ProblemHttpResult>> GetAsync(string name, HttpContext http, AnalyticsDbContext db, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var row = name.Length <= CalibrateRequest.MaxNameLength
            ? await db.WeightProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.TenantId == tenant && p.Name == name, ct)
            : null;
        return row is null
            ? Problems.Invalid("name", $"no weight profile named '{Clip(name)}'.", StatusCodes.Status404NotFound)
            : TypedResults.Ok(WeightProfileView.Of(row));
    }

    private static string Clip(string name) => name.Length <= 100 ? name : name[..100] + "…";
}
