using Microsoft.AspNetCore.Http;

namespace LlmLab.ServiceKit.OpenAi;

/// <summary>
/// Writes every problem under /v1 (the OpenAI-compatible paths) in OpenAI's error shape instead of problem+json: the
/// gateway's refusals (key, permission, rate limit), status code pages, exception handlers and the services' own
/// problems alike, so an OpenAI SDK always has a message to show.
/// </summary>
public sealed class OpenAiProblemWriter : IProblemDetailsWriter
{
    public static bool IsOpenAiPath(HttpRequest request) => request.Path.StartsWithSegments("/v1");

    public bool CanWrite(ProblemDetailsContext context) => IsOpenAiPath(context.HttpContext.Request);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var status = context.ProblemDetails.Status ?? response.StatusCode;
        response.StatusCode = status;
        var error = OpenAiError.From(context.ProblemDetails, status);
        return new ValueTask(response.WriteAsJsonAsync(error.Body, ServiceKitExtensions.Json, "application/json", context.HttpContext.RequestAborted));
    }
}
