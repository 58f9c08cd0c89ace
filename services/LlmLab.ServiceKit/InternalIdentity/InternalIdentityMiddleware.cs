using Microsoft.AspNetCore.Http;

namespace LlmLab.ServiceKit.InternalIdentity;

/// <summary>
/// A service's front door: every request but the probes must carry an identity token signed with the platform secret
/// (minted by the gateway, or by a fellow service). Anything else — a forged header sent straight to the port — is
/// refused with 401 before it reaches an endpoint, gRPC included.
/// </summary>
public sealed class InternalIdentityMiddleware(RequestDelegate next, InternalTokens tokens, IProblemDetailsService problems)
{
    private static readonly PathString[] OpenPaths = ["/health", "/alive", "/metrics"];

    public async Task InvokeAsync(HttpContext context)
    {
        if (OpenPaths.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            await next(context);
            return;
        }
        var token = context.Request.Headers[InternalTokens.HeaderName].ToString();
        var caller = token.Length == 0 ? null : await tokens.ValidateAsync(token);
        if (caller is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [InternalTokens.HeaderName.ToLowerInvariant()] = ["absent, forged or expired"],
                })
                {
                    Status = StatusCodes.Status401Unauthorized,
                    Title = "Platform identity missing",
                    Detail = "Services answer only the gateway and each other; call the platform through the gateway.",
                },
            });
            return;
        }
        context.Features.Set(caller);
        await next(context);
    }
}
