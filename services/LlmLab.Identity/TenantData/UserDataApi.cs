using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Identity.TenantData;

/// <summary>
/// DELETE /api/admin/users/{id}/data?confirm={id}: erase one user — the user and their keys here, what they created in
/// every service (experiments, runs with their responses, the read model's rows). The gateway lets only users:write in.
/// </summary>
public static class UserDataApi
{
    public sealed record UserErasureAccepted(Guid ErasureId, Guid UserId, string SubjectId, DateTimeOffset RequestedAt, IReadOnlyList<string> Services);

    public static IEndpointRouteBuilder MapUserDataApi(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/admin/users/{id:guid}/data", EraseAsync).RequireTenant();
        return app;
    }

    public static async Task<Results<Accepted<UserErasureAccepted>, ProblemHttpResult>> EraseAsync(
        Guid id, HttpContext http, UserEraser eraser, CancellationToken ct, string? confirm = null)
    {
        // Erasing cannot be undone: the caller names the user again, so a stray DELETE erases nothing.
        if (confirm != id.ToString()) return Problems.Invalid("confirm", $"must be the user id ({id}) to erase the user.", StatusCodes.Status400BadRequest);
        var (outcome, erasure) = await eraser.EraseAsync(http.Caller()!, id, ct);
        return outcome switch
        {
            UserEraser.Outcome.NotFound => Problems.NotFound("User", id),
            UserEraser.Outcome.LastAdmin => Problems.Conflict("The organisation's last admin cannot be erased."),
            _ => TypedResults.Accepted((string?)null, new UserErasureAccepted(erasure!.ErasureId, id, erasure.SubjectId, erasure.RequestedAt,
                ["identity", "experiments", "batch", "analytics"])),
        };
    }
}
