using LlmLab.Quality.Grpc;
using LlmLab.Quality.Metrics;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LlmLab.Quality.Apis;

public static class QualityApi
{
    public static IEndpointRouteBuilder MapQualityApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/quality/analyze", Analyze).RequireTenant();
        return app;
    }

    /// <summary>Scores an ad-hoc text: every heuristic metric, and reference metrics when references are given.</summary>
    public static Results<Ok<AnalyzeResult>, ProblemHttpResult> Analyze(AnalyzeText body, IOptionsMonitor<QualityOptions> options)
    {
        if (string.IsNullOrWhiteSpace(body.Text)) return Problems.Invalid("text", "is required and must contain more than whitespace.");
        if (body.Text.Length > QualityLimits.MaxTextLength)
            return Problems.Invalid("text", $"must be at most {QualityLimits.MaxTextLength} characters.", StatusCodes.Status413PayloadTooLarge);
        if (body.MaxTokens is < 0) return Problems.Invalid("max_tokens", "must not be negative.");
        if (QualityScorer.UnknownWeights(body.Weights) is [var unknown, ..])
            return Problems.Invalid($"weights.{unknown}", $"'{unknown}' is not a metric the overall score can weigh; use one of {string.Join(", ", OverallScore.WeightableMetrics)}.");
        if (body.Weights?.Values.Any(w => w < 0 || double.IsNaN(w)) == true) return Problems.Invalid("weights", "must not be negative.");

        var references = (body.References ?? []).Concat(body.Reference is null ? [] : [body.Reference]).ToList();
        var metrics = QualityScorer.Score(new ScoreInput(body.Text, body.Prompt ?? "", references, body.MaxTokens ?? 0, body.FinishReason ?? "",
            body.Weights ?? options.CurrentValue.Weights));
        return TypedResults.Ok(new AnalyzeResult(metrics, QualityScorer.AnalysisVersion));
    }
}

public sealed record AnalyzeText(string? Text, string? Prompt, string? Reference, List<string>? References, int? MaxTokens, string? FinishReason,
    Dictionary<string, double>? Weights);

public sealed record AnalyzeResult(IReadOnlyDictionary<string, double> Metrics, string AnalysisVersion);
