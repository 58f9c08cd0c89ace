using Microsoft.AspNetCore.Routing.Template;

namespace LlmLab.Gateway.RateLimits;

/// <summary>
/// The calls that start model work, which are what a tier's quota counts. Reading results, browsing the web app,
/// creating and editing experiments cost no model call and are not counted.
/// </summary>
public static class CountedRoutes
{
    private static readonly TemplateMatcher[] Matchers =
    [
        .. new[]
        {
            "/api/responses/generate",
            "/api/experiments/batch/{id}/start",
            "/api/experiments/batch/{id}/retry-errors",
            "/api/experiments/batch/{id}/optimize",
            "/api/evaluations",
            "/api/evaluations/{id}/resume",
            "/api/training/jobs",
            "/v1/{**rest}",
        }.Select(template => new TemplateMatcher(TemplateParser.Parse(template.TrimStart('/')), new RouteValueDictionary())),
    ];

    public static bool Counts(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && Matchers.Any(m => m.TryMatch(request.Path, new RouteValueDictionary()));
}
