using System.Diagnostics;

namespace LlmLab.Gateway.Routing;

/// <summary>
/// An <c>x-request-id</c> header on every answer, as OpenAI sends: the request's trace id, so a caller's report of a
/// failed call finds its trace and its log lines. Set as the answer starts, so error handlers that clear headers keep it.
/// </summary>
public static class RequestIds
{
    public const string HeaderName = "x-request-id";

    public static WebApplication UseRequestIds(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var id = Activity.Current is { } activity ? $"req_{activity.TraceId.ToHexString()}" : $"req_{Guid.NewGuid():N}";
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderName] = id;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
