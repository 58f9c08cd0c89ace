using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace LlmLab.ServiceKit.OpenApi;

/// <summary>
/// Every service describes its HTTP endpoints at /openapi/v1.json (Microsoft.AspNetCore.OpenApi); the gateway merges
/// them into the platform's one contract. OpenAPI 3.0, because client generators (NSwag) read it more faithfully than 3.1.
/// </summary>
public static class ServiceOpenApi
{
    public const string DocumentPath = "/openapi/v1.json";

    public static IHostApplicationBuilder AddLlmLabOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            options.AddOperationTransformer((operation, context, _) =>
            {
                var description = context.Description;
                operation.OperationId ??= OperationIds.From(description.HttpMethod ?? "GET", description.RelativePath ?? "");
                foreach (var parameter in operation.Parameters ?? []) ClientFriendlySchemas.RepairParameter(parameter);
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, _, _) =>
            {
                ClientFriendlySchemas.Repair(schema);
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>Serves the document; like every service path it answers only signed platform calls (the gateway's).</summary>
    public static IEndpointRouteBuilder MapLlmLabOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
