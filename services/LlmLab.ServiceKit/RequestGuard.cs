using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace LlmLab.ServiceKit;

/// <summary>
/// Checks what every endpoint a service implements receives before its handler runs: the body size against the
/// endpoint's cap (413 naming <c>body</c>), every query-string value against <see cref="TextRules"/> (400 naming the
/// parameter), and ids in the path (the nil UUID is nobody's id: 400 naming the route parameter).
/// </summary>
public static class RequestGuard
{
    /// <summary>A JSON route's default cap: 2 MiB, well above a 100,000-character prompt however it is escaped.</summary>
    public const long DefaultBodyCap = 2 * 1024 * 1024;

    public static WebApplication UseRequestGuard(this WebApplication app)
    {
        var defaultCap = app.Configuration.GetValue("Requests:MaxBodyBytes", DefaultBodyCap);
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            // Only endpoints this service implements (minimal API handlers carry their MethodInfo); proxied ones are checked where they land.
            if (endpoint?.Metadata.GetMetadata<MethodInfo>() is null)
            {
                await next(context);
                // Routing itself answers a bare 415 when no endpoint accepts the body's media type: name the header.
                if (context.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType && !context.Response.HasStarted)
                {
                    await Problems.Invalid("Content-Type", $"must be application/json, not '{context.Request.ContentType}'.",
                        StatusCodes.Status415UnsupportedMediaType).ExecuteAsync(context);
                }
                return;
            }
            if (Refusal(context, endpoint.Metadata.GetMetadata<BodyCapMetadata>()?.MaxBytes ?? defaultCap) is { } refusal)
            {
                await refusal.ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }

    private const string NilId = "the nil UUID (all zeros) is nobody's id.";

    private static bool IsNilId(string? text) => text is { Length: >= 32 and <= 38 } && Guid.TryParse(text, out var id) && id == Guid.Empty;

    private static ProblemHttpResult? Refusal(HttpContext context, long cap)
    {
        var request = context.Request;
        if (request.ContentLength > cap)
        {
            return Problems.Invalid("body", $"the request body is {request.ContentLength} bytes; this endpoint takes at most {cap}.", StatusCodes.Status413PayloadTooLarge);
        }
        // An endpoint that reads JSON refuses any other media type here, naming the header (minimal APIs answer a bare 415).
        var hasBody = request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || request.ContentType is not null;
        if (hasBody && context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
            && accepts.ContentTypes.Contains("application/json") && !request.HasJsonContentType())
        {
            return Problems.Invalid("Content-Type", $"must be application/json, not '{request.ContentType}'.", StatusCodes.Status415UnsupportedMediaType);
        }
        // A body sent without a length (chunked) is cut by Kestrel at the cap, with a 413 from the bad-request handler.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = cap;

        foreach (var (name, values) in request.Query)
        {
            if (TextRules.Problem(name, TextRules.MaxName) is { } badName) return Problems.Invalid("query", $"a parameter name {badName}", StatusCodes.Status400BadRequest);
            foreach (var value in values)
            {
                if (TextRules.Problem(value, TextRules.MaxQueryValue) is { } problem) return Problems.Invalid(name, problem, StatusCodes.Status400BadRequest);
                if (IsNilId(value)) return Problems.Invalid(name, NilId, StatusCodes.Status400BadRequest);
            }
        }
        foreach (var (name, value) in context.GetRouteData().Values)
        {
            if (value is string text && TextRules.Problem(text, TextRules.MaxName) is { } problem) return Problems.Invalid(name, problem, StatusCodes.Status400BadRequest);
            if (value is string id && IsNilId(id)) return Problems.Invalid(name, NilId, StatusCodes.Status400BadRequest);
        }
        return null;
    }
}
