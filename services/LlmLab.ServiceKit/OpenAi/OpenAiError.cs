using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LlmLab.ServiceKit.OpenAi;

/// <summary>
/// An error in OpenAI's shape, <c>{"error": {"message", "type", "param", "code"}}</c>, which OpenAI SDKs read (they show
/// the message; with any other body they show "no body"). Codes are snake_case, as OpenAI's are.
/// </summary>
public sealed record OpenAiError(string Message, string Type, string? Param, string? Code)
{
    /// <summary>Problem details extensions that set the OpenAI fields explicitly (otherwise they follow from the status).</summary>
    public const string CodeExtension = "openai_code";
    public const string TypeExtension = "openai_type";
    public const string ParamExtension = "openai_param";

    public object Body => new { error = new { message = Message, type = Type, param = Param, code = Code } };

    /// <summary>The OpenAI error a problem stands for: its status decides type and code unless the problem names them.</summary>
    public static OpenAiError From(ProblemDetails problem, int status)
    {
        var param = Extension(problem, ParamExtension) ?? FieldOf(problem);
        var (type, code) = Classify(status);
        type = Extension(problem, TypeExtension) ?? type;
        code = Extension(problem, CodeExtension) ?? code;
        var text = problem.Detail is { Length: > 0 } detail ? detail : problem.Title ?? ReasonOf(status);
        var message = problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation
            ? string.Join(" ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
            : problem.Title is { Length: > 0 } title && !text.StartsWith(title, StringComparison.Ordinal) ? $"{title}: {text}" : text;
        // A credential is never a parameter the caller can correct by name, and OpenAI reports none for it.
        return new OpenAiError(message, type, status == StatusCodes.Status401Unauthorized ? null : param, code);
    }

    /// <summary>OpenAI's type and code for a status its own API answers.</summary>
    public static (string Type, string? Code) Classify(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => ("invalid_request_error", "invalid_api_key"),
        StatusCodes.Status403Forbidden => ("permission_error", "insufficient_permissions"),
        StatusCodes.Status404NotFound => ("invalid_request_error", "not_found"),
        StatusCodes.Status405MethodNotAllowed => ("invalid_request_error", "method_not_allowed"),
        StatusCodes.Status409Conflict => ("invalid_request_error", "conflict"),
        StatusCodes.Status413PayloadTooLarge => ("invalid_request_error", "request_too_large"),
        StatusCodes.Status415UnsupportedMediaType => ("invalid_request_error", "unsupported_media_type"),
        StatusCodes.Status429TooManyRequests => ("requests", "rate_limit_exceeded"),
        StatusCodes.Status502BadGateway => ("server_error", "bad_gateway"),
        StatusCodes.Status503ServiceUnavailable => ("server_error", "service_unavailable"),
        StatusCodes.Status504GatewayTimeout => ("server_error", "timeout"),
        >= 500 => ("server_error", "server_error"),
        _ => ("invalid_request_error", null),
    };

    private static string? FieldOf(ProblemDetails problem) =>
        problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation ? validation.Errors.Keys.First()
        : problem.Extensions.TryGetValue("field", out var field) ? field?.ToString()
        : null;

    private static string? Extension(ProblemDetails problem, string name) =>
        problem.Extensions.TryGetValue(name, out var value) && value?.ToString() is { Length: > 0 } text ? text : null;

    private static string ReasonOf(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } reason
        ? reason : $"HTTP {status}";
}
