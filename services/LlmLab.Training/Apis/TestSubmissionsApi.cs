using Grpc.Core;
using LlmLab.Contracts.Quality;
using LlmLab.ServiceKit;
using LlmLab.Training.Agreement;
using LlmLab.Training.Data;
using LlmLab.Training.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Training.Apis;

/// <summary>POST /api/test-submissions: one graded text of a submission.</summary>
public sealed record GradedText(string? Text, double? ExpectedScore, string? Prompt);

/// <summary>POST /api/test-submissions: texts people graded (expected_score 0–100), in an optional collection.</summary>
public sealed record NewTestSubmission(List<GradedText>? Texts, string? Collection);

public sealed record StoredSubmission(Guid Id, string Collection, double ExpectedScore, IReadOnlyDictionary<string, double> Metrics, DateTimeOffset CreatedAt);

public sealed record SubmissionResult(string Collection, int Count, string AnalysisVersion, IReadOnlyList<StoredSubmission> Items);

/// <summary>
/// /api/test-submissions: graded texts are scored by quality-analysis (gRPC ScoreBatch) and stored with their metrics
/// in one transaction; /agreement reports how each metric agrees with the people's scores.
/// </summary>
public static class TestSubmissionsApi
{
    public const int MaxTexts = 1_000;
    public const int MaxTextLength = 100_000;
    public const int MaxCollectionLength = 100;

    public static IEndpointRouteBuilder MapTestSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/test-submissions").RequireTenant();
        api.MapPost("", SubmitAsync);
        api.MapGet("", ListAsync);
        api.MapGet("/agreement", AgreementAsync);
        return app;
    }

    public static async Task<Results<Created<SubmissionResult>, ProblemHttpResult>> SubmitAsync(NewTestSubmission body, HttpContext http,
        TrainingDbContext db, QualityService.QualityServiceClient quality, TimeProvider time, CancellationToken ct)
    {
        if (Validate(body) is { } invalid) return invalid;
        var request = new ScoreBatchRequest();
        request.Items.Add(body.Texts!.Select(t => new ScoreRequest { Text = t.Text!, Prompt = t.Prompt ?? "" }));
        ScoreBatchReply scored;
        try
        {
            scored = await quality.ScoreBatchAsync(request, cancellationToken: ct);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            return Problems.Invalid(ex.Status.Detail.Split(':', 2)[0], ex.Status.Detail);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal)
        {
            return TypedResults.Problem(title: "Scoring unavailable", detail: "quality-analysis could not score the texts; nothing was stored.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        var tenant = http.TenantId()!;
        var collection = body.Collection ?? "";
        var now = time.GetUtcNow();
        var rows = body.Texts!.Select((t, i) => new TestSubmission
        {
            Id = Guid.NewGuid(),
            TenantId = tenant,
            Collection = collection,
            Text = t.Text!,
            Prompt = t.Prompt ?? "",
            ExpectedScore = t.ExpectedScore!.Value,
            Metrics = new Dictionary<string, double>(scored.Items[i].Metrics),
            AnalysisVersion = scored.Items[i].AnalysisVersion,
            CreatedAt = now,
        }).ToList();
        db.TestSubmissions.AddRange(rows);
        await db.SaveChangesAsync(ct);
        var result = new SubmissionResult(collection, rows.Count, rows[0].AnalysisVersion, rows.Select(View).ToList());
        return TypedResults.Created($"/api/test-submissions?collection={Uri.EscapeDataString(collection)}", result);
    }

    public static async Task<Results<Ok<PagedList<StoredSubmission>>, ProblemHttpResult>> ListAsync(HttpContext http, TrainingDbContext db,
        CancellationToken ct, string? collection = null, int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } invalid) return invalid;
        var query = Scope(db, http.TenantId()!, collection);
        var rows = await query.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<StoredSubmission>(rows.Select(View).ToList(), await query.CountAsync(ct), page, page_size));
    }

    public static async Task<Results<Ok<AgreementReport>, ProblemHttpResult>> AgreementAsync(HttpContext http, TrainingDbContext db,
        CancellationToken ct, string? collection = null)
    {
        var rows = await Scope(db, http.TenantId()!, collection).Select(s => new { s.ExpectedScore, s.Metrics }).ToListAsync(ct);
        if (rows.Count < 3)
            return Problems.Invalid(collection is null ? "test_submissions" : "collection",
                $"{rows.Count} graded text(s); agreement needs at least 3.", StatusCodes.Status409Conflict);
        return TypedResults.Ok(AgreementCalculator.Compute(rows.Select(r => (r.ExpectedScore, (IReadOnlyDictionary<string, double>)r.Metrics)).ToList()));
    }

    private static IQueryable<TestSubmission> Scope(TrainingDbContext db, string tenant, string? collection)
    {
        var query = db.TestSubmissions.AsNoTracking().Where(s => s.TenantId == tenant);
        return collection is null ? query : query.Where(s => s.Collection == collection);
    }

    private static StoredSubmission View(TestSubmission s) => new(s.Id, s.Collection, s.ExpectedScore, s.Metrics, s.CreatedAt);

    private static ProblemHttpResult? Validate(NewTestSubmission body)
    {
        if (body.Texts is not { Count: > 0 } texts || texts.Count > MaxTexts) return Problems.Invalid("texts", $"must hold 1 to {MaxTexts} graded texts.");
        if (body.Collection is { } c && (c.Length == 0 || c.Length > MaxCollectionLength))
            return Problems.Invalid("collection", $"must be 1 to {MaxCollectionLength} characters.");
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < texts.Count; i++)
        {
            var t = texts[i];
            if (t is null) errors[$"texts[{i}]"] = ["must be an object {text, expected_score, prompt?}."];
            else if (string.IsNullOrWhiteSpace(t.Text)) errors[$"texts[{i}].text"] = ["is required."];
            else if (t.Text.Length > MaxTextLength) errors[$"texts[{i}].text"] = [$"may hold at most {MaxTextLength} characters."];
            else if (t.ExpectedScore is not { } score) errors[$"texts[{i}].expected_score"] = ["is required."];
            else if (!(score >= 0 && score <= 100)) errors[$"texts[{i}].expected_score"] = ["must be between 0 and 100."];
            else if (t.Prompt is { Length: > MaxTextLength }) errors[$"texts[{i}].prompt"] = [$"may hold at most {MaxTextLength} characters."];
            if (errors.Count >= 20) break;
        }
        return errors.Count > 0 ? Problems.Invalid(errors) : null;
    }
}
