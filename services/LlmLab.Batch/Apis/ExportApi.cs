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
        api.MapGet("/{experimentId:guid}", ExperimentJsonAsync);
        api.MapGet("/{experimentId:guid}/csv", ExperimentCsvAsync);
        api.MapPost("/batch", BatchAsync);
        api.MapPost("/custom", CustomAsync);
        return app;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExperimentJsonAsync(
        Guid experimentId, HttpContext http, ExperimentLookup experiments, ResponseExporter exporter, CancellationToken ct)
    {
        if (!await experiments.ExistsAsync(experimentId, http.Caller()!, ct)) return Problems.NotFound("Experiment", experimentId);
        ExportFormat.Prepare(http.Response, "json", $"experiment-{experimentId}");
        await exporter.WriteJsonAsync(exporter.OfExperiment(http.TenantId()!, experimentId), "experiment_id", experimentId, http.Response.Body, ct);
        return TypedResults.Empty;
    }

    public static async Task<Results<EmptyHttpResult, ProblemHttpResult>> ExperimentCsvAsync(
        Guid experimentId, HttpContext http, ExperimentLookup experiments, ResponseExporter exporter, CancellationToken ct)
    {
        if (!await experiments.ExistsAsync(experimentId, http.Caller()!, ct)) return Problems.NotFound("Experiment", experimentId);
        ExportFormat.Prepare(http.Response, "csv", $"experiment-{experimentId}");
        await exporter.WriteTableAsync(exporter.OfExperiment(http.TenantId()!, experimentId), "csv", ResponseColumns.All, http.Response.Body, ct,
            new ExportFilters { ExperimentId = experimentId }.ApplyToFailed(exporter.FailedOfTenant(http.TenantId()!), exporter.Runs));
        return TypedResults.Empty;
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
        if (body.Fields is { } fields)
        {
            if (fields.Count > ResponseColumns.All.Count)
                return Problems.Invalid("fields", $"at most {ResponseColumns.All.Count} fields (each exportable field once).", StatusCodes.Status413PayloadTooLarge);
            if (fields.FindIndex(f => f is null || !ResponseColumns.Names.Contains(f)) is var bad and >= 0)
                return Problems.Invalid($"fields[{bad}]", $"'{fields[bad]}' is not an exportable field; choose from {string.Join(", ", ResponseColumns.Names)}.");
            if (fields.Distinct().Count() != fields.Count) return Problems.Invalid("fields", "each field may be named once.");
        }
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
