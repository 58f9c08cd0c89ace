using LlmLab.Batch.Estimates;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Batch.Apis;

/// <summary>
/// GET /api/experiments/batch/estimate?provider&amp;model&amp;calls: how long and how much a grid of that many calls would take,
/// from the tenant's measured history with that provider and model, and the basis in words (the builder shows both).
/// </summary>
public static class EstimateApi
{
    public const int MaxCalls = 1_000_000;

    public static IEndpointRouteBuilder MapEstimateApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/experiments/batch").RequireTenant().MapGet("/estimate", EstimateAsync);
        return app;
    }

    public static async Task<Results<Ok<RunEstimate>, ProblemHttpResult>> EstimateAsync(HttpContext http, RunHistory history, CancellationToken ct,
        int? calls = null, string? provider = null, string? model = null)
    {
        if (calls is not { } count || count < 1 || count > MaxCalls) return Problems.Invalid("calls", $"must be a whole number from 1 to {MaxCalls}.", StatusCodes.Status400BadRequest);
        if (TextRules.FirstInvalid(("provider", provider, TextRules.MaxProvider), ("model", model, TextRules.MaxModel)) is { } bad) return bad;
        var name = string.IsNullOrWhiteSpace(provider) ? "local" : provider.Trim();
        var modelName = model?.Trim() ?? "";
        var estimate = await history.EstimateAsync(http.TenantId()!, name, modelName, count, ct);
        return TypedResults.Ok(new RunEstimate(name, modelName, count, estimate.Seconds, estimate.CostUsd, estimate.Basis));
    }
}

public sealed record RunEstimate(string Provider, string Model, int Calls, double EstimatedDuration, double EstimatedCostUsd, EstimateBasis Basis);
