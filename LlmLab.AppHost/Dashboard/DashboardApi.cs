using LlmLab.AppHost.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LlmLab.AppHost.Dashboard;

/// <summary>The JSON the dashboard's page reads: resources, console logs, traces and request charts.</summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app, IPlatformView platform, ReceivedTelemetry telemetry,
        HealthProbe health, string? externalCollector)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/overview", () => Results.Json(new
        {
            receiver = externalCollector is null ? "apphost" : "external",
            external_collector = externalCollector,
            spans = telemetry.Spans.Count,
            max_spans = telemetry.MaxSpans,
            dropped_spans = telemetry.Spans.Dropped,
            services = telemetry.Spans.Services(),
        }));
        api.MapGet("/resources", async (CancellationToken ct) => Results.Json(await health.WithHealthAsync(platform.Resources(), ct)));
        api.MapGet("/logs/{name}", (string name, string? search, long? after, int? limit) =>
            platform.ConsoleOf(name) is { } console
                ? Results.Json(console.Read(search, after ?? 0, limit ?? 1000))
                : Results.Problem($"'{name}' is not a process of the platform.", statusCode: StatusCodes.Status404NotFound, title: "name"));
        api.MapGet("/traces", (string? traceId, string? service, string? text, string? sort, int? limit) =>
        {
            if (!TryOrder(sort, out var order))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["sort"] = ["sort is newest or slowest."] });
            return Results.Json(telemetry.Spans.Find(new TraceQuery(traceId, service, text, order, limit ?? 100)));
        });
        api.MapGet("/traces/{traceId}", (string traceId) =>
        {
            var spans = telemetry.Spans.Trace(traceId);
            if (spans.Count == 0)
                return Results.Problem($"No trace {traceId} is kept (unknown, or dropped as the oldest past {telemetry.MaxSpans} spans).",
                    statusCode: StatusCodes.Status404NotFound, title: "traceId");
            return Results.Json(new
            {
                summary = TraceSummary.Of(spans[0].TraceId, spans),
                nodes = TraceTree.Build(spans),
                logs = telemetry.Logs.OfTrace(traceId),
            });
        });
        api.MapGet("/metrics", () => Results.Json(telemetry.Metrics.Series()));
        return app;
    }

    private static bool TryOrder(string? sort, out TraceOrder order)
    {
        order = TraceOrder.Newest;
        if (string.IsNullOrEmpty(sort) || sort == "newest") return true;
        if (sort != "slowest") return false;
        order = TraceOrder.Slowest;
        return true;
    }
}
