using LlmLab.LlmIntegration.Pipeline;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>Errors in OpenAI's shape ({error: {message, type, param, code}}), which OpenAI SDKs read.</summary>
public static class OpenAiErrors
{
    public static IResult Invalid(string param, string message, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { error = new { message = $"{param}: {message}", type = "invalid_request_error", param, code = (string?)null } }, statusCode: status);

    /// <summary>OpenAI's answer when an account's quota is spent: 429 with type and code insufficient_quota.</summary>
    public static IResult InsufficientQuota(string message) =>
        Results.Json(new { error = new { message, type = "insufficient_quota", param = (string?)null, code = "insufficient_quota" } }, statusCode: 429);

    public static IResult From(ProviderException failed)
    {
        var (status, type) = failed.Kind switch
        {
            ProviderErrorKind.InvalidRequest => (400, "invalid_request_error"),
            ProviderErrorKind.RateLimited => (429, "rate_limit_error"),
            ProviderErrorKind.Unauthorized => (502, "upstream_authentication_error"),
            ProviderErrorKind.Timeout => (504, "timeout_error"),
            _ => (503, "server_error"),
        };
        var param = failed.Kind == ProviderErrorKind.InvalidRequest ? failed.Message.Split(':', 2)[0] : null;
        return Results.Json(new { error = new { message = failed.Message, type, param, code = failed.Kind.ToString() } }, statusCode: status);
    }
}
