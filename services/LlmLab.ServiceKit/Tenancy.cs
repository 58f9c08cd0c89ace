using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LlmLab.ServiceKit;

/// <summary>The caller of a request, set by the gateway from the caller's credentials; services trust only the gateway.</summary>
public static class Tenancy
{
    public const string HeaderName = "X-Tenant-Id";
    public const string SubjectHeaderName = "X-Caller-Id";
    public const string RoleHeaderName = "X-Caller-Role";
    public const string TierHeaderName = "X-Caller-Tier";

    public static string? TenantId(this HttpContext context) => context.Caller()?.TenantId;

    /// <summary>The authenticated caller, or null when the request did not come through the gateway.</summary>
    public static CallerIdentity? Caller(this HttpContext context)
    {
        if (context.Features.Get<CallerIdentity>() is { } known) return known;
        var tenant = context.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrWhiteSpace(tenant)) return null;
        var subject = context.Request.Headers[SubjectHeaderName].ToString();
        var role = context.Request.Headers[RoleHeaderName].ToString();
        var tier = context.Request.Headers[TierHeaderName].ToString();
        var caller = new CallerIdentity(
            tenant,
            string.IsNullOrEmpty(subject) ? tenant : subject,
            string.IsNullOrEmpty(role) ? Roles.User : role,
            string.IsNullOrEmpty(tier) ? "enterprise" : tier);
        context.Features.Set(caller);
        return caller;
    }

    /// <summary>Rejects requests that did not come through the gateway's authentication.</summary>
    public static TBuilder RequireTenant<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.TenantId() is null
                ? TypedResults.Problem(
                    title: "Tenant missing",
                    detail: $"The {HeaderName} header is required; call the platform through the gateway with an X-Api-Key.",
                    statusCode: StatusCodes.Status401Unauthorized)
                : await next(context));
}
