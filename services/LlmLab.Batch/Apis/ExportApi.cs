using LlmLab.Batch.Data;
using LlmLab.Batch.Export;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>Exports of responses with metrics, streamed: an experiment as JSON or CSV, a batch run as CSV or JSON.</summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/export").RequireTenant();
        api.MapGet("/{experimentId:guid}", (Guid experimentId, HttpContext http, ResponseExporter exporter, CancellationToken ct) =>
            StreamAsync(http, "json", $"experiment-{experimentId}", (body, c) => exporter.WriteJsonAsync(exporter.OfExperiment(http.TenantId()!, experimentId), "experiment_id", experimentId, body, c), ct));
        api.MapGet("/{experimentId:guid}/csv", (Guid experimentId, HttpContext http, ResponseExporter exporter, CancellationToken ct) =>
            StreamAsync(http, "csv", $"experiment-{experimentId}", (body, c) => exporter.WriteCsvAsync(exporter.OfExperiment(http.TenantId()!, experimentId), body, c), ct));
        api.MapPost("/batch", BatchAsync);
        return app;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> BatchAsync(ExportBatchBody body, HttpContext http, BatchDbContext db, ResponseExporter exporter, CancellationToken ct)
    {
        if (body.BatchId is not { } runId) return Problems.Invalid("batch_id", "is required.");
        var format = (body.Format ?? "csv").ToLowerInvariant();
        if (format is "xlsx" or "parquet") return Problems.Invalid("format", $"{format} export is not available yet; use csv or json.");
        if (format is not ("csv" or "json")) return Problems.Invalid("format", "must be csv or json.");
        if (!await db.Runs.AnyAsync(r => r.Id == runId && r.TenantId == http.TenantId(), ct)) return Problems.Invalid("batch_id", $"no batch run with id {runId}.", StatusCodes.Status404NotFound);

        var rows = exporter.OfRun(http.TenantId()!, runId);
        await StreamAsync(http, format, $"batch-{runId}", format == "csv"
            ? (stream, c) => exporter.WriteCsvAsync(rows, stream, c)
            : (stream, c) => exporter.WriteJsonAsync(rows, "batch_id", runId, stream, c), ct);
        return TypedResults.Empty;
    }

    private static async Task StreamAsync(HttpContext http, string format, string name, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        http.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{format}\"";
        await write(http.Response.Body, ct);
    }
}

public sealed record ExportBatchBody(Guid? BatchId, string? Format);
