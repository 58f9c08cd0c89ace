using LlmLab.Evaluation.Clients;
using LlmLab.Evaluation.Data;
using LlmLab.Evaluation.Datasets;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Evaluation.Apis;

/// <summary>
/// POST /api/datasets/{id}/versions/from-feedback {run_id}: the corrected answers people gave on an evaluation's answers
/// (kept by analytics) become the reference answers of those items in a new version of the dataset, built on its latest
/// version. 201 with the dataset, the new version, the items changed and their count.
/// </summary>
public static class FeedbackVersionApi
{
    public const string Source = "feedback";

    public sealed record FromFeedbackRequest(Guid? RunId);

    public sealed record FeedbackVersionView(DatasetView Dataset, int Version, Guid RunId, int Count, IReadOnlyList<CorrectedVersion.Change> ItemsChanged);

    public static IEndpointRouteBuilder MapFeedbackVersionApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/datasets/{id:guid}/versions/from-feedback", CreateAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Created<FeedbackVersionView>, ProblemHttpResult>> CreateAsync(Guid id, FromFeedbackRequest body, HttpContext http,
        EvaluationDbContext db, CorrectionsClient corrections, TimeProvider time, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var dataset = await db.Visible(tenant).Include(d => d.Versions).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (dataset is null) return Problems.NotFound("Dataset", id);
        if (body.RunId is not { } runId || runId == Guid.Empty) return Problems.Invalid("run_id", "is required: the id of an evaluation of this dataset.");
        var evaluation = await db.FindEvaluationAsync(runId, tenant, ct);
        if (evaluation is null || evaluation.DatasetId != id)
            return Problems.Invalid("run_id", $"{runId} is not an evaluation of dataset {id}.");
        if (dataset.Builtin)
            return Problems.Conflict($"Dataset {id} is shipped with the platform and read-only; upload a copy to add a version.");

        var answered = await db.EvaluationItems.AsNoTracking().Where(w => w.EvaluationId == runId).Select(w => new { w.Id, w.ItemKey }).ToListAsync(ct);
        var keyOf = answered.ToDictionary(w => w.Id, w => w.ItemKey);
        var given = answered.Count == 0 ? [] : await corrections.ForAsync(answered.Select(w => w.Id).ToList(), ct);
        if (given.Count == 0) return Problems.Invalid("run_id", $"evaluation {runId} has no corrected answers in people's feedback.");

        var baseItems = await db.DatasetItems.AsNoTracking().Where(i => i.DatasetId == id && i.Version == dataset.LatestVersion).ToListAsync(ct);
        var (items, changes) = CorrectedVersion.Build(baseItems,
            given.Where(c => keyOf.ContainsKey(c.ResponseId)).Select(c => new CorrectedVersion.Corrected(keyOf[c.ResponseId], c.CorrectedAnswer, c.UpdatedAt)));
        if (changes.Count == 0)
            return Problems.Invalid("run_id", $"the corrected answers of evaluation {runId} change no item of version {dataset.LatestVersion}.");
        var version = DatasetWriter.AddVersion(db, dataset, items, Source, time.GetUtcNow());
        dataset.Versions.Add(version);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/datasets/{id}/items?version={version.Version}",
            new FeedbackVersionView(DatasetView.Of(dataset), version.Version, runId, changes.Count, changes));
    }
}
