using Grpc.Core;
using LlmLab.Batch.Data;
using LlmLab.Contracts.Quality;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>Metrics of stored responses, and ad-hoc scoring through quality-analysis's ScoreBatch.</summary>
public static class MetricsApi
{
    public const int MaxItems = 1_000;

    /// <summary>Body cap of /api/metrics/batch: under gRPC's 4 MiB message limit towards quality-analysis, with room for framing.</summary>
    public const long MaxBatchBodyBytes = 3 * 1024 * 1024;

    /// <summary>Scores where a higher value is better; "best per metric" is computed over these.</summary>
    private static readonly string[] ComparableScores =
    [
        "overall_score", "coherence_score", "completeness_score", "readability_score", "length_appropriateness_score",
        "creativity_score", "specificity_score", "relevance_score", "repetition_score", "confidence_score",
        "exact_match", "f1", "bleu", "rouge_l",
    ];

    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/metrics").RequireTenant();
        api.MapPost("/batch", BatchAsync).WithBodyCap(MaxBatchBodyBytes);
        api.MapPost("/compare", CompareAsync);
        return app;
    }

    public static async Task<Results<Ok<MetricsBatchResult>, ProblemHttpResult>> BatchAsync(
        MetricsBatchBody body, HttpContext http, BatchDbContext db, QualityService.QualityServiceClient quality, CancellationToken ct)
    {
        var byIds = body.ResponseIds is { Count: > 0 };
        var byTexts = body.Texts is { Count: > 0 };
        if (byIds == byTexts) return Problems.Invalid("response_ids", "give either response_ids or texts (one of them, not empty).");

        if (byIds)
        {
            if (body.ResponseIds!.Count > MaxItems) return Problems.Invalid("response_ids", $"at most {MaxItems} per call.");
            var stored = await StoredMetricsAsync(db, http.TenantId()!, body.ResponseIds, ct);
            var missing = body.ResponseIds.Where(id => !stored.ContainsKey(id)).Distinct().ToList();
            return TypedResults.Ok(new MetricsBatchResult(stored.Values.ToList(), missing));
        }

        if (body.Texts!.Count > MaxItems) return Problems.Invalid("texts", $"at most {MaxItems} per call.");
        var request = new ScoreBatchRequest();
        for (var i = 0; i < body.Texts.Count; i++)
        {
            var item = body.Texts[i];
            if (string.IsNullOrWhiteSpace(item.Text)) return Problems.Invalid($"texts[{i}].text", "is required.");
            if (TextRules.FirstInvalid(($"texts[{i}].text", item.Text, TextRules.MaxAnyString), ($"texts[{i}].prompt", item.Prompt, TextRules.MaxPrompt),
                    ($"texts[{i}].reference", item.Reference, TextRules.MaxAnyString)) is { } badText)
                return badText;
            if (item.References is { Count: > 100 }) return Problems.Invalid($"texts[{i}].references", "at most 100 references per text.");
            var score = new ScoreRequest { Text = item.Text, Prompt = item.Prompt ?? "", FinishReason = "" };
            if (item.Reference is not null) score.References.Add(item.Reference);
            if (item.References is not null) score.References.Add(item.References);
            request.Items.Add(score);
        }
        try
        {
            var reply = await quality.ScoreBatchAsync(request, cancellationToken: ct);
            var items = reply.Items.Select((r, i) => new ScoredItem(null, i, r.Metrics.ToDictionary(), r.AnalysisVersion)).ToList();
            return TypedResults.Ok(new MetricsBatchResult(items, []));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            var field = ex.Status.Detail.Split(':', 2)[0];
            return Problems.Invalid(field, ex.Status.Detail);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.ResourceExhausted)
        {
            // The texts together exceed what one scoring call carries (gRPC's message size).
            return Problems.Invalid("texts", $"the texts together are too large to score in one call; send fewer or shorter texts ({ex.Status.Detail}).",
                StatusCodes.Status413PayloadTooLarge);
        }
    }

    public static async Task<Results<Ok<MetricsComparison>, ProblemHttpResult>> CompareAsync(
        CompareBody body, HttpContext http, BatchDbContext db, QualityService.QualityServiceClient quality, CancellationToken ct)
    {
        if (body.Judge is not null && string.IsNullOrWhiteSpace(body.Judge.Provider)) return Problems.Invalid("judge.provider", "is required when a judge is asked for.");
        if (TextRules.FirstInvalid(("judge.provider", body.Judge?.Provider, TextRules.MaxProvider), ("judge.model", body.Judge?.Model, TextRules.MaxModel),
                ("judge.rubric", body.Judge?.Rubric, TextRules.MaxDescription)) is { } badJudge)
            return badJudge;
        if (body.Judge is not null && body.ResponseIds is { Count: not 2 }) return Problems.Invalid("response_ids", "a pairwise judgement compares exactly two responses.");
        if (body.ResponseIds is not { Count: >= 2 }) return Problems.Invalid("response_ids", "give at least two response ids.");
        if (body.ResponseIds.Count > 50) return Problems.Invalid("response_ids", "at most 50 responses side by side.");
        var stored = await StoredMetricsAsync(db, http.TenantId()!, body.ResponseIds, ct);
        var missing = body.ResponseIds.Where(id => !stored.ContainsKey(id)).ToList();
        if (missing.Count > 0) return Problems.Invalid("response_ids", $"unknown response ids: {string.Join(", ", missing)}.", StatusCodes.Status404NotFound);

        var items = body.ResponseIds.Select(id => stored[id]).ToList();
        var best = ComparableScores
            .Where(metric => items.All(i => i.Metrics.ContainsKey(metric)))
            .ToDictionary(metric => metric, metric =>
            {
                var top = items.Max(i => i.Metrics[metric]);
                return new BestValue(top, items.Where(i => i.Metrics[metric] == top).Select(i => i.ResponseId!.Value).ToList());
            });
        var pairwise = body.Judge is null ? null : await JudgePairAsync(db, quality, body.ResponseIds[0], body.ResponseIds[1], body.Judge, ct);
        return TypedResults.Ok(new MetricsComparison(items, best, pairwise));
    }

    private static async Task<PairwiseView> JudgePairAsync(BatchDbContext db, QualityService.QualityServiceClient quality, Guid a, Guid b, JudgeBody judge, CancellationToken ct)
    {
        var pair = await db.Responses.AsNoTracking().Where(r => r.Id == a || r.Id == b)
            .Join(db.Runs, r => r.RunId, run => run.Id, (r, run) => new { r.Id, r.Content, run.Prompt })
            .ToListAsync(ct);
        var first = pair.Single(p => p.Id == a);
        var second = pair.Single(p => p.Id == b);
        var reply = await quality.JudgePairwiseAsync(new PairwiseRequest
        {
            Prompt = first.Prompt,
            ResponseA = first.Content,
            ResponseB = second.Content,
            Judge = new JudgeSpec { Provider = judge.Provider!, Model = judge.Model ?? "", Rubric = judge.Rubric ?? "" },
        }, cancellationToken: ct);
        var winner = reply.Winner switch { "a" => (Guid?)a, "b" => b, _ => null };
        return new PairwiseView(winner, reply.Winner, reply.Consistent, reply.ReasoningAb, reply.ReasoningBa, reply.Error.Length > 0 ? reply.Error : null);
    }

    private static async Task<Dictionary<Guid, ScoredItem>> StoredMetricsAsync(BatchDbContext db, string tenantId, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var rows = await db.Responses.AsNoTracking()
            .Where(r => r.TenantId == tenantId && ids.Contains(r.Id) && r.Metrics != null)
            .Select(r => new { r.Id, r.Metrics!.All, r.Metrics.AnalysisVersion })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new ScoredItem(r.Id, null, r.All, r.AnalysisVersion));
    }
}

public sealed record MetricsBatchBody(List<Guid>? ResponseIds, List<TextToScore>? Texts);
public sealed record TextToScore(string? Text, string? Prompt, string? Reference, List<string>? References);
public sealed record ScoredItem(Guid? ResponseId, int? Index, IReadOnlyDictionary<string, double> Metrics, string AnalysisVersion);
public sealed record MetricsBatchResult(IReadOnlyList<ScoredItem> Items, IReadOnlyList<Guid> Missing);
public sealed record CompareBody(List<Guid>? ResponseIds, JudgeBody? Judge);
public sealed record JudgeBody(string? Provider, string? Model, string? Rubric);
public sealed record PairwiseView(Guid? WinnerResponseId, string Verdict, bool Consistent, string ReasoningAFirst, string ReasoningBFirst, string? Error);
public sealed record BestValue(double Value, IReadOnlyList<Guid> ResponseIds);
public sealed record MetricsComparison(IReadOnlyList<ScoredItem> Items, IReadOnlyDictionary<string, BestValue> Best, PairwiseView? Judge);
