using LlmLab.Quality.Metrics.Reference;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Quality.Apis;

/// <summary>
/// POST /api/quality/corpus-bleu: sacreBLEU corpus_bleu over segments (a run's or an evaluation's answers with their
/// references), the corpus-level figure that averaging sentence BLEU does not give.
/// </summary>
public static class CorpusBleuApi
{
    public const int MaxSegments = 100_000;

    public static IEndpointRouteBuilder MapCorpusBleuApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/quality/corpus-bleu", Compute).RequireTenant().WithBodyCap(64 * 1024 * 1024);
        return app;
    }

    public static Results<Ok<CorpusBleuResult>, ProblemHttpResult> Compute(CorpusBleuBody body)
    {
        if (body.Segments is not { Count: > 0 } segments) return Problems.Invalid("segments", "is required: at least one {hypothesis, references}.");
        if (segments.Count > MaxSegments) return Problems.Invalid("segments", $"at most {MaxSegments} segments.", StatusCodes.Status413PayloadTooLarge);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment is null) return Problems.Invalid($"segments[{i}]", "must be an object {hypothesis, references}.");
            if (segment.Hypothesis is null) return Problems.Invalid($"segments[{i}].hypothesis", "is required (it may be empty).");
            if (segment.References is null || !segment.References.Any(r => !string.IsNullOrEmpty(r)))
                return Problems.Invalid($"segments[{i}].references", "needs at least one non-empty reference.");
            if (TextRules.FirstInvalid([($"segments[{i}].hypothesis", segment.Hypothesis, QualityLimits.MaxTextLength),
                    .. segment.References.Select((r, k) => ($"segments[{i}].references[{k}]", (string?)r, QualityLimits.MaxTextLength))]) is { } bad)
                return bad;
        }
        return TypedResults.Ok(CorpusBleu.Of(segments.Select(s => (s!.Hypothesis!, (IReadOnlyList<string>)s.References!.Where(r => r is not null).ToList())).ToList()));
    }
}

public sealed record CorpusBleuBody(List<CorpusBleuSegment?>? Segments);

public sealed record CorpusBleuSegment(string? Hypothesis, List<string>? References);
