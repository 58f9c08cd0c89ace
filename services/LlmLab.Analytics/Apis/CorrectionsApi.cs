using LlmLab.Analytics.Data;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Analytics.Apis;

/// <summary>
/// POST /internal/feedback/corrections {response_ids}: the corrected answers people gave on those responses of the
/// calling tenant, the latest per response. The evaluation service asks it (as the caller) to turn an evaluation's
/// corrected answers into a new dataset version; the gateway has no route to it.
/// </summary>
public static class CorrectionsApi
{
    public const int MaxResponseIds = 100_000;

    public sealed record CorrectionsRequest(IReadOnlyList<Guid>? ResponseIds);

    public sealed record Correction(Guid ResponseId, string CorrectedAnswer, string Reviewer, DateTimeOffset UpdatedAt);

    public static IEndpointRouteBuilder MapCorrectionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/internal/feedback/corrections", ListAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Ok<ItemList<Correction>>, ProblemHttpResult>> ListAsync(CorrectionsRequest body, HttpContext http, AnalyticsDbContext db,
        CancellationToken ct)
    {
        if (body.ResponseIds is not { Count: > 0 and <= MaxResponseIds } ids)
            return Problems.Invalid("response_ids", $"give from 1 to {MaxResponseIds} response ids.");
        var tenant = http.TenantId()!;
        var rows = await db.Feedback.AsNoTracking()
            .Where(f => f.TenantId == tenant && ids.Contains(f.ResponseId) && f.CorrectedAnswer != null && f.CorrectedAnswer != "")
            .Select(f => new Correction(f.ResponseId, f.CorrectedAnswer!, f.Reviewer, f.UpdatedAt)).ToListAsync(ct);
        var latest = rows.GroupBy(c => c.ResponseId).Select(g => g.OrderByDescending(c => c.UpdatedAt).ThenBy(c => c.Reviewer, StringComparer.Ordinal).First())
            .OrderBy(c => c.ResponseId).ToList();
        return TypedResults.Ok(new ItemList<Correction>(latest));
    }
}
