using LlmLab.ServiceKit.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LlmLab.ServiceKit.TenantData;

/// <summary>
/// GET /internal/tenant-data: everything a service holds for the caller's tenant, for identity's tenant export. The
/// gateway has no route to it; it answers only a signed caller whose role may export the tenant.
/// </summary>
public static class TenantDataEndpoint
{
    public const string Path = "/internal/tenant-data";

    public static RouteHandlerBuilder MapTenantData(this IEndpointRouteBuilder app, Delegate handler) =>
        app.MapGet(Path, handler).RequireTenant().AddEndpointFilter(async (context, next) =>
            context.HttpContext.Caller() is { } caller && Permissions.Allows(caller.Role, [], Permissions.TenantExport, ownerScoped: false)
                ? await next(context)
                : TypedResults.Problem(title: "Forbidden", detail: $"Exporting a tenant needs {Permissions.TenantExport}.",
                    statusCode: StatusCodes.Status403Forbidden, extensions: new Dictionary<string, object?> { ["permission"] = Permissions.TenantExport }));
}
