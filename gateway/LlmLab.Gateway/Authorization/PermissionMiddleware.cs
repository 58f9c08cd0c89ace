using LlmLab.Gateway.Auth;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Authorization;

namespace LlmLab.Gateway.Authorization;

/// <summary>Refuses, with 403 naming the permission, what the caller's role (and key scopes) do not allow.</summary>
public sealed class PermissionMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<CallerIdentity>() is not { } caller)
        {
            await next(context);
            return;
        }
        var rule = RoutePermissions.For(context.Request.Path, context.Request.Method);
        var scopes = context.Features.Get<CallerScopes>()?.Scopes ?? [];
        if (rule.Permission == RoutePermissions.Authenticated || Permissions.Allows(caller.Role, scopes, rule.Permission, rule.OwnerScoped))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Permission missing",
                Detail = $"{context.Request.Method} {context.Request.Path} needs the permission {rule.Permission}, "
                    + $"which the role {caller.Role}{(scopes.Count > 0 ? " with this key's scopes" : "")} does not have.",
                Extensions = { ["permission"] = rule.Permission, ["role"] = caller.Role },
            },
        });
    }
}
