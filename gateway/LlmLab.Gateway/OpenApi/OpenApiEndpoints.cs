using LlmLab.ServiceKit.OpenApi;
using Scalar.AspNetCore;

namespace LlmLab.Gateway.OpenApi;

/// <summary>
/// GET /openapi/v1.json (the merged contract) and /docs (Scalar's reference UI over it). Both are public: the contract
/// holds no tenant data, and client generators and CI fetch it without a key (docs/security.md).
/// </summary>
public static class OpenApiEndpoints
{
    public static IHostApplicationBuilder AddPlatformOpenApi(this IHostApplicationBuilder builder)
    {
#pragma warning disable EXTEXP0001 // A service that is down is skipped after one try, not retried while the caller waits.
        builder.Services.AddHttpClient(PlatformOpenApiDocument.ClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<PlatformOpenApiDocument>();
        builder.AddLlmLabOpenApi();
        return builder;
    }

    public static IEndpointRouteBuilder MapPlatformOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/openapi/v1.json", async (PlatformOpenApiDocument document, CancellationToken ct) =>
            Results.Text(await document.GetAsync(ct), "application/json; charset=utf-8")).ExcludeFromDescription();
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("LLM Lab API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts());
        return app;
    }
}
