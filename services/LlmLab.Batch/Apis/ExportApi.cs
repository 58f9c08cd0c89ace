using LlmLab.Batch.Data;
using LlmLab.Batch.Export;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.Export;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>
/// Exports of responses with metrics, streamed: an experiment (nested JSON or CSV), a batch run and a custom filtered
/// set (CSV, JSON, XLSX or Parquet). Everything is validated before the first byte, so a bad request never half-downloads.
/// </summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/export").RequireTenant();
        api.MapGet("/{experimentId:guid}", async (Guid experimentId, HttpContext http, ResponseExporter exporter, CancellationToken ct) =>
        {
            ExportFormat.Prepare(http.Response, "json", $"experiment-{experimentId}");
            await exporter.WriteJsonAsync(exporter.OfExperiment(http.TenantId()!, experimentId), "experiment_id", experimentId, http.Response.Body, ct);
        });
        api.MapGet("/{experimentId:guid}/csv", async (Guid experimentId, HttpContext http, ResponseExporter exporter, CancellationToken ct) =>
        {
            ExportFormat.Prepare(http.Response, "csv", $"experiment-{experimentId}");
            await exporter.WriteTableAsync(exporter.OfExperiment(http.TenantId()!, experimentId), "csv", ResponseColumns.All, http.Response.Body, ct,
                new ExportFilters { ExperimentId = experimentId }.ApplyToFailed(exporter.FailedOfTenant(http.TenantId()!), exporter.Runs));
        });
        api.MapPost("/batch", BatchAsync);
        api.MapPost("/custom", CustomAsync);
        return app;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> BatchAsync(ExportBatchBody body, HttpContext http, BatchDbContext db, ResponseExporter exporter, CancellationToken ct)
    {
        if (body.BatchId is not { } runId) return Problems.Invalid("batch_id", "is required.");
        var format = (body.Format ?? "csv").ToLowerInvariant();
        if (!ExportFormat.IsKnown(format)) return Problems.Invalid("format", $"must be one of {string.Join(", ", ExportFormat.All)}.");
        if (!await db.Runs.AnyAsync(r => r.Id == runId && r.TenantId == http.TenantId(), ct)) return Problems.Invalid("batch_id", $"no batch run with id {runId}.", StatusCodes.Status404NotFound);

        var rows = exporter.OfRun(http.TenantId()!, runId);
        ExportFormat.Prepare(http.Response, format, $"batch-{runId}");
        if (format == "json") await exporter.WriteJsonAsync(rows, "batch_id", runId, http.Response.Body, ct);
        else await exporter.WriteTableAsync(rows, format, ResponseColumns.All, http.Response.Body, ct, exporter.FailedOfRun(http.TenantId()!, runId));
        return TypedResults.Empty;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> CustomAsync(CustomExportBody body, HttpContext http, ResponseExporter exporter, CancellationToken ct)
    {
        var format = (body.Format ?? "csv").ToLowerInvariant();
        if (!ExportFormat.IsKnown(format)) return Problems.Invalid("format", $"must be one of {string.Join(", ", ExportFormat.All)}.");
        if (body.Fields?.FirstOrDefault(f => !ResponseColumns.Names.Contains(f)) is { } unknown)
            return Problems.Invalid("fields", $"'{unknown}' is not an exportable field; choose from {string.Join(", ", ResponseColumns.Names)}.");
        var filters = body.Filters ?? new ExportFilters();
        if (filters.Validate() is { } error) return Problems.Invalid(error.Field, error.Message);

        ExportFormat.Prepare(http.Response, format, "responses");
        await exporter.WriteTableAsync(filters.Apply(exporter.OfTenant(http.TenantId()!)), format, ResponseColumns.Select(body.Fields), http.Response.Body, ct,
            filters.ApplyToFailed(exporter.FailedOfTenant(http.TenantId()!), exporter.Runs));
        return TypedResults.Empty;
    }
}

public sealed record ExportBatchBody(Guid? BatchId, string? Format);

public sealed record CustomExportBody(string? Format, List<string>? Fields, ExportFilters? Filters);
