namespace LlmLab.Knowledge.Apis;

/// <summary>Errors of /v1 in OpenAI's shape ({error: {message, type, param, code}}), which OpenAI SDKs read.</summary>
public static class OpenAiErrors
{
    public static IResult Invalid(string param, string message, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { error = new { message = $"{param}: {message}", type = "invalid_request_error", param, code = (string?)null } }, statusCode: status);
}
