using LlmLab.Quality.Grpc;
using LlmLab.Quality.Metrics;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Quality.Apis;

public static class QualityApi
{
    public static IEndpointRouteBuilder MapQualityApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/quality/analyze", Analyze).RequireTenant();
        return app;
    }

    public static Results<Ok<AnalyzeResult>, ProblemHttpResult> Analyze(AnalyzeText body)
    {
        if (string.IsNullOrWhiteSpace(body.Text)) return Problems.Invalid("text", "is required.");
        if (body.Text.Length > QualityGrpcService.MaxTextLength) return Problems.Invalid("text", $"must be at most {QualityGrpcService.MaxTextLength} characters.", StatusCodes.Status413PayloadTooLarge);
        if (body.MaxTokens is < 0) return Problems.Invalid("max_tokens", "must not be negative.");
        var metrics = QualityScorer.Score(body.Text, body.Prompt ?? "", body.MaxTokens ?? 0, body.FinishReason ?? "");
        return TypedResults.Ok(new AnalyzeResult(metrics, QualityScorer.AnalysisVersion));
    }
}

public sealed record AnalyzeText(string? Text, string? Prompt, int? MaxTokens, string? FinishReason);
public sealed record AnalyzeResult(IReadOnlyDictionary<string, double> Metrics, string AnalysisVersion);
