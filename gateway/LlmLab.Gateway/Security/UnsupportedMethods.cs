namespace LlmLab.Gateway.Security;

/// <summary>
/// CONNECT (a tunnel request) and TRACE (echoes the request, credentials included) are never forwarded: they answer
/// 405 problem+json naming the methods the API has. Forwarded, CONNECT used to reach a service that could not answer it (502).
/// </summary>
public static class UnsupportedMethods
{
    public const string Allowed = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    public static WebApplication UseUnsupportedMethodRefusal(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsConnect(context.Request.Method) && !HttpMethods.IsTrace(context.Request.Method))
            {
                await next(context);
                return;
            }
            context.Response.Headers.Allow = Allowed;
            await TypedResults.Problem(title: "Method not allowed", detail: $"{context.Request.Method} is not supported; use one of {Allowed}.",
                statusCode: StatusCodes.Status405MethodNotAllowed,
                extensions: new Dictionary<string, object?> { ["method"] = context.Request.Method }).ExecuteAsync(context);
        });
        return app;
    }
}
