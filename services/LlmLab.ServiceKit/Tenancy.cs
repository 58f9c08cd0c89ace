using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LlmLab.ServiceKit;

/// <summary>The tenant of a request, set by the gateway from the caller's API key; services trust only the gateway.</summary>
public static class Tenancy
{
    public const string HeaderName = "X-Tenant-Id";

    public static string? TenantId(this HttpContext context)
    {
        var value = context.Request.Headers[HeaderName].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value;
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
