using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace LlmLab.ServiceKit;

/// <summary>
/// Turns a request that cannot be read into a 4xx problem naming what is at fault: the JSON path of a malformed or
/// wrongly typed body, the parameter that failed to bind, <c>Content-Type</c> for an unsupported media type, or
/// <c>body</c> for one over the endpoint's size cap.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest || httpContext.Response.HasStarted)
        {
            return false;
        }

        var json = badRequest.InnerException as JsonException;
        var field = FieldOf(badRequest, json);
        var message = json?.Message ?? badRequest.Message;
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
                Detail = $"{field}: {message}",
            },
        });
    }

    private static string FieldOf(BadHttpRequestException badRequest, JsonException? json)
    {
        if (!string.IsNullOrEmpty(json?.Path)) return json.Path;
        if (badRequest.StatusCode == StatusCodes.Status415UnsupportedMediaType) return "Content-Type";
        if (badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge) return "body";
        if (badRequest.Message.Contains("from body", StringComparison.Ordinal) || badRequest.Message.Contains("Implicit body", StringComparison.Ordinal)) return "body";
        // Minimal APIs say 'Failed to bind parameter "int page" from "x".' or 'Required parameter "Guid id" was not provided ...'.
        var parameter = ParameterInMessage().Match(badRequest.Message);
        return parameter.Success ? parameter.Groups["name"].Value : "body";
    }

    [GeneratedRegex("parameter \"(?:[^\"]*\\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterInMessage();
}
