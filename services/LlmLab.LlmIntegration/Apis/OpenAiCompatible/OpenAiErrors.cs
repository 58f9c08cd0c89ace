using System.Globalization;
using LlmLab.LlmIntegration.Pipeline;
using LlmLab.ServiceKit.OpenAi;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>The /v1 endpoints' own errors, in OpenAI's shape with snake_case codes (see <see cref="OpenAiError"/>).</summary>
public static class OpenAiErrors
{
    public static IResult Invalid(string param, string message, int status = StatusCodes.Status400BadRequest) =>
        Write(new OpenAiError($"{param}: {message}", "invalid_request_error", param, status == 400 ? "invalid_value" : OpenAiError.Classify(status).Code), status);

    public static IResult ModelNotFound(string model, string reason) =>
        Write(new OpenAiError($"The model '{model}' does not exist or you do not have access to it ({reason}).", "invalid_request_error", "model", "model_not_found"), 404);

    /// <summary>OpenAI's answer when an account's quota is spent: 429 with type and code insufficient_quota.</summary>
    public static IResult InsufficientQuota(string message) => Write(new OpenAiError(message, "insufficient_quota", null, "insufficient_quota"), 429);

    public static IResult From(ProviderException failed)
    {
        var (status, type, code) = failed.Kind switch
        {
            ProviderErrorKind.InvalidRequest => (400, "invalid_request_error", "invalid_value"),
            ProviderErrorKind.RateLimited => (429, "requests", "rate_limit_exceeded"),
            ProviderErrorKind.Unauthorized => (502, "upstream_authentication_error", "provider_error"),
            ProviderErrorKind.Timeout => (504, "timeout_error", failed.FailureKind),
            _ => (503, "server_error", failed.FailureKind),
        };
        var param = failed.Kind == ProviderErrorKind.InvalidRequest ? failed.Message.Split(':', 2)[0] : null;
        var result = Write(new OpenAiError(failed.Message, type, param, code), status);
        // A 429 always says when to come back: the provider's own Retry-After, or a second when it sent none.
        var wait = failed.RetryAfter ?? (status == 429 ? TimeSpan.FromSeconds(1) : null);
        return wait is { } after && status is 429 or 503 ? new WithRetryAfter(result, after) : result;
    }

    private static IResult Write(OpenAiError error, int status) => Results.Json(error.Body, statusCode: status);

    /// <summary>Retry-After in whole seconds (at least 1), as OpenAI SDKs read it before retrying.</summary>
    private sealed class WithRetryAfter(IResult inner, TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(http);
        }
    }
}
