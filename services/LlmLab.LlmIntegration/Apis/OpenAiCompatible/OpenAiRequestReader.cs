using System.Text.Json;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>Reads a /v1 JSON body; what cannot be read is answered in OpenAI's shape naming the part at fault.</summary>
public static class OpenAiRequestReader
{
    public static async Task<(T? Body, IResult? Refusal)> ReadAsync<T>(HttpContext http, CancellationToken ct) where T : class
    {
        if (!http.Request.HasJsonContentType())
            return (null, OpenAiErrors.Invalid("Content-Type", "must be application/json.", StatusCodes.Status415UnsupportedMediaType));
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, cancellationToken: ct);
            return body is null ? (null, OpenAiErrors.Invalid("body", "a JSON object is required.")) : (body, null);
        }
        catch (JsonException ex)
        {
            return (null, OpenAiErrors.Invalid(ParamOf(ex.Path), ex.Message));
        }
        catch (BadHttpRequestException ex)
        {
            // The body outgrew the endpoint's cap while being read (sent without a Content-Length).
            return (null, OpenAiErrors.Invalid("body", ex.Message, ex.StatusCode));
        }
    }

    /// <summary>"$.messages[0].content" → "messages[0].content", the parameter as callers write it.</summary>
    private static string ParamOf(string? path) => path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : path ?? "body";
}
