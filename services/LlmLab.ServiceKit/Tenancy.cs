using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LlmLab.ServiceKit;

/// <summary>
/// The caller of a request. In a service it is the identity in the signed platform token (InternalIdentityMiddleware
/// validated it); in the gateway it is what authentication established. No header a caller can send decides it.
/// </summary>
public static class Tenancy
{
    public static string? TenantId(this HttpContext context) => context.Caller() is { TenantId.Length: > 0 } caller ? caller.TenantId : null;

    /// <summary>The authenticated caller, or null when there is none.</summary>
    public static CallerIdentity? Caller(this HttpContext context) => context.Features.Get<CallerIdentity>();

    /// <summary>Rejects requests that carry no tenant (a platform service calling without acting for one).</summary>
    public static TBuilder RequireTenant<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.TenantId() is null
                ? TypedResults.Problem(
                    title: "Tenant missing",
                    detail: "Call the platform through the gateway with an X-Api-Key.",
                    statusCode: StatusCodes.Status401Unauthorized)
                : await next(context));
}
