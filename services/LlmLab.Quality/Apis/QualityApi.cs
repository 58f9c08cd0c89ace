using LlmLab.Quality.Judging;
using LlmLab.Quality.Metrics;
using LlmLab.Quality.Metrics.Reference;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LlmLab.Quality.Apis;

public static class QualityApi
{
    public static IEndpointRouteBuilder MapQualityApi(this IEndpointRouteBuilder app)
    {
        // A text of up to a million characters, however it is encoded and escaped.
        app.MapPost("/api/quality/analyze", Analyze).RequireTenant().WithBodyCap(8 * 1024 * 1024);
        return app;
    }

    /// <summary>Scores an ad-hoc text: every heuristic metric, and reference metrics when references are given.</summary>
    public static async Task<Results<Ok<AnalyzeResult>, ProblemHttpResult>> Analyze(AnalyzeText body, HttpContext http, IOptionsMonitor<QualityOptions> options, JudgedScorer scorer, CancellationToken ct)
    {
        // Against references an empty answer is an answer (it scores 0, as the reference scripts score it); alone it says nothing.
        var references = (body.References ?? []).Concat(body.Reference is null ? [] : [body.Reference]).ToList();
        if (body.Text is null || (references.Count == 0 && string.IsNullOrWhiteSpace(body.Text)))
            return Problems.Invalid("text", "is required and must contain more than whitespace (an empty answer can only be scored against references).");
        if (body.NumericTolerance is { } tolerance && !(tolerance >= 0 && tolerance <= 1))
            return Problems.Invalid("numeric_tolerance", "must be a relative tolerance between 0 and 1.");
        if (body.Text.Length > QualityLimits.MaxTextLength)
            return Problems.Invalid("text", $"must be at most {QualityLimits.MaxTextLength} characters.", StatusCodes.Status413PayloadTooLarge);
        if (body.MaxTokens is < 0) return Problems.Invalid("max_tokens", "must not be negative.");
        if (QualityScorer.UnknownWeights(body.Weights) is [var unknown, ..])
            return Problems.Invalid($"weights.{unknown}", $"'{unknown}' is not a metric the overall score can weigh; use one of {string.Join(", ", OverallScore.WeightableMetrics)}.");
        if (body.Weights?.FirstOrDefault(w => !(w.Value >= 0) || !double.IsFinite(w.Value)) is { Key: { } badWeight })
            return Problems.Invalid($"weights.{badWeight}", "must be a finite number, not negative.");
        if (TextRules.FirstInvalid(("text", body.Text, QualityLimits.MaxTextLength), ("prompt", body.Prompt, TextRules.MaxPrompt),
                ("reference", body.Reference, QualityLimits.MaxTextLength), ("finish_reason", body.FinishReason, TextRules.MaxName),
                ("judge.provider", body.Judge?.Provider, TextRules.MaxProvider), ("judge.model", body.Judge?.Model, TextRules.MaxModel),
                ("judge.rubric", body.Judge?.Rubric, TextRules.MaxDescription)) is { } badText)
            return badText;
        if (body.References is { Count: > 100 }) return Problems.Invalid("references", "at most 100 references.");
        if (body.References?.FindIndex(r => r is null) is >= 0 and var nullAt) return Problems.Invalid($"references[{nullAt}]", "must be a string.");
        if (TextRules.FirstInvalid(references.Select((r, i) => ($"references[{i}]", (string?)r, QualityLimits.MaxTextLength)).ToArray()) is { } badReference)
            return badReference;

        if (body.Judge is { } j && string.IsNullOrWhiteSpace(j.Provider)) return Problems.Invalid("judge.provider", "is required when a judge is asked for.");

        var outcome = await scorer.ScoreAsync(new ScoreInput(body.Text, body.Prompt ?? "", references, body.MaxTokens ?? 0, body.FinishReason ?? "",
            body.Weights ?? options.CurrentValue.Weights, body.NumericTolerance ?? NumericMatch.DefaultRelativeTolerance), body.Judge is { } judge ? new JudgeChoice(judge.Provider!, judge.Model ?? "", judge.Rubric ?? "", http.TenantId()!) : null, ct);
        return TypedResults.Ok(new AnalyzeResult(outcome.Metrics, outcome.Errors, outcome.Details, QualityScorer.AnalysisVersion));
    }
}

public sealed record AnalyzeText(string? Text, string? Prompt, string? Reference, List<string>? References, int? MaxTokens, string? FinishReason,
    Dictionary<string, double>? Weights, JudgeInput? Judge, double? NumericTolerance = null);

public sealed record JudgeInput(string? Provider, string? Model, string? Rubric);

public sealed record AnalyzeResult(IReadOnlyDictionary<string, double> Metrics, IReadOnlyDictionary<string, string> Errors,
    IReadOnlyDictionary<string, string> Details, string AnalysisVersion);
