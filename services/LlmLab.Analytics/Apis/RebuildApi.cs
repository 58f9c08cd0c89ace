using LlmLab.Analytics.Rebuild;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Apis;

/// <summary>POST /api/analytics/rebuild: the command that rebuilds the caller's read model from the batch service's data.</summary>
public static class RebuildApi
{
    public static IEndpointRouteBuilder MapRebuildApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/analytics/rebuild", async Task<Results<Ok<RebuildResult>, ProblemHttpResult>> (HttpContext http, ReadModelRebuilder rebuilder, CancellationToken ct) =>
        {
            try
            {
                return TypedResults.Ok(await rebuilder.RebuildAsync(http.TenantId()!, ct));
            }
            catch (HttpRequestException e)
            {
                return TypedResults.Problem(title: "Batch service unavailable", detail: $"The read model was left as it was: {e.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).RequireTenant();
        return app;
    }
}
