using System.Text.Json;
using LlmLab.Batch.Clients;
using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.Batch.Estimates;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>Batch experiments of API.md: create a grid, list, details, and the start/pause/cancel/retry transitions.</summary>
public static class BatchExperimentsApi
{
    public static IEndpointRouteBuilder MapBatchExperimentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments/batch").RequireTenant();
        api.MapPost("/", CreateAsync);
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", DetailsAsync);
        api.MapPost("/{id:guid}/start", (Guid id, HttpContext http, RunControl control, ConcurrentRunGate gate, CancellationToken ct) =>
            Answer(id, gate.StartAsync(http.Caller()!, token => control.StartAsync(id, http.TenantId()!, token), ct), "start it (only a pending or paused run can start)"))
            .AddEndpointFilter<BudgetGate>();
        api.MapPost("/{id:guid}/pause", (Guid id, HttpContext http, RunControl control, CancellationToken ct) => Answer(id, control.PauseAsync(id, http.TenantId()!, ct), "pause it (only a running run can pause)"));
        api.MapPost("/{id:guid}/retry-errors", (Guid id, HttpContext http, RunControl control, ConcurrentRunGate gate, CancellationToken ct) =>
            Answer(id, gate.StartAsync(http.Caller()!, token => control.RetryErrorsAsync(id, http.TenantId()!, token), ct), "retry its errors (only a finished run with failed items can)"));
        api.MapDelete("/{id:guid}", CancelOrDeleteAsync);
        return app;
    }

    public static async Task<Results<Created<BatchCreated>, ProblemHttpResult>> CreateAsync(
        BatchDefinition body, HttpContext http, BatchDbContext db, ModelCatalog catalog, RunHistory history, IConfiguration configuration, TimeProvider time, CancellationToken ct)
    {
        var (grid, errors) = BatchGrid.From(body, configuration.GetValue("Batch:MaxCallsPerRun", 10_000));
        if (grid is null) return Problems.Invalid(errors);

        var tenantId = http.TenantId()!;
        var provider = string.IsNullOrWhiteSpace(body.Provider) ? "local" : body.Provider.Trim();
        var model = body.Model?.Trim() ?? "";
        var models = body.ParameterRanges?.Models is { Count: > 0 } listed ? listed : [model];
        if (await catalog.FindUnknownAsync(tenantId, provider, models, ct) is { } unknown)
            return Problems.Invalid(unknown.Field, unknown.Message, StatusCodes.Status422UnprocessableEntity);
        var estimate = await history.EstimateAsync(tenantId, provider, model, (int)grid.Calls, ct);
        var run = new BatchRun
        {
            Id = Guid.CreateVersion7(), TenantId = tenantId, CreatedBy = http.Caller()!.SubjectId, Name = body.Name!.Trim(), Description = body.Description ?? "",
            Prompt = body.Prompt ?? "", Provider = provider, Model = model, Status = RunStatus.Pending, CreatedAt = time.GetUtcNow(),
            ParameterRanges = JsonSerializer.Serialize(body.ParameterRanges, ServiceKitExtensions.Json),
            EstimatedDurationSeconds = estimate.Seconds,
            EstimatedCostUsd = estimate.CostUsd,
        };
        var items = grid.Expand(run.Id, tenantId, body.Seed, () => Random.Shared.NextInt64(1, int.MaxValue));
        run.TotalItems = items.Count;
        run.TotalCombinations = (int)grid.Combinations;
        await db.InTransactionAsync(async token =>
        {
            db.Runs.Add(run);
            await db.SaveChangesAsync(token);
            return await WorkItemRows.InsertAsync(db, items, token);
        }, ct);
        return TypedResults.Created($"/api/experiments/batch/{run.Id}", new BatchCreated(run.Id, run.Status, run.TotalCombinations, run.TotalItems,
            run.EstimatedDurationSeconds, run.EstimatedCostUsd, estimate.Basis.Description, run.CreatedAt));
    }

    public static async Task<Results<Ok<PagedList<BatchSummary>>, ProblemHttpResult>> ListAsync(HttpContext http, BatchDbContext db, CancellationToken ct, int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } badPage) return badPage;
        var runs = db.Runs.AsNoTracking().Where(r => r.TenantId == http.TenantId());
        var total = await runs.CountAsync(ct);
        var rows = await runs.OrderByDescending(r => r.CreatedAt).Skip((page - 1) * page_size).Take(page_size)
            .Select(r => new BatchSummary(r.Id, r.ExperimentId == Guid.Empty ? null : r.ExperimentId, r.Name, r.Status, r.TotalCombinations, r.TotalItems,
                r.CompletedItems, r.FailedItems, r.CreatedAt, r.FinishedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedList<BatchSummary>(rows, total, page, page_size));
    }

    public static async Task<Results<Ok<BatchDetails>, ProblemHttpResult>> DetailsAsync(Guid id, HttpContext http, RunStatusReader reader, CancellationToken ct)
    {
        var run = await reader.FindRunAsync(id, http.TenantId()!, ct);
        if (run is null) return Problems.NotFound("Batch run", id);
        var ranges = run.ParameterRanges is null ? (JsonElement?)null : JsonDocument.Parse(run.ParameterRanges).RootElement.Clone();
        return TypedResults.Ok(new BatchDetails(run.Name, run.Description, run.Prompt, run.Provider, run.Model, ranges,
            run.EstimatedDurationSeconds, run.EstimatedCostUsd, await reader.ReadAsync(run, ct), await reader.FailuresAsync(run, ct)));
    }

    public static async Task<Results<NoContent, Accepted, ProblemHttpResult>> CancelOrDeleteAsync(Guid id, HttpContext http, RunControl control, CancellationToken ct)
    {
        var (outcome, deleted) = await control.CancelOrDeleteAsync(id, http.TenantId()!, ct);
        return outcome == RunControl.Outcome.NotFound ? Problems.NotFound("Batch run", id) : deleted ? TypedResults.NoContent() : TypedResults.Accepted($"/api/experiments/batch/{id}/status");
    }

    private static async Task<IResult> Answer(Guid id, Task<(RunControl.Outcome Started, ProblemHttpResult? Refused)> gated, string what)
    {
        var (outcome, refused) = await gated;
        return refused ?? await Answer(id, Task.FromResult(outcome), what);
    }

    private static async Task<IResult> Answer(Guid id, Task<RunControl.Outcome> transition, string what) => await transition switch
    {
        RunControl.Outcome.Done => TypedResults.Accepted($"/api/experiments/batch/{id}/status", new { id }),
        RunControl.Outcome.NotFound => Problems.NotFound("Batch run", id),
        _ => Problems.Conflict($"Batch run {id} is not in a state that allows this: cannot {what}."),
    };
}

/// <summary>EstimateBasis: what the estimate stands on, in words (GET …/batch/estimate's basis.description).</summary>
public sealed record BatchCreated(Guid Id, RunStatus Status, int TotalCombinations, int TotalCalls, double EstimatedDuration, double EstimatedCostUsd,
    string EstimateBasis, DateTimeOffset CreatedAt);
public sealed record BatchSummary(Guid Id, Guid? ExperimentId, string Name, RunStatus Status, int TotalCombinations, int TotalCalls, int CompletedCalls, int FailedCalls,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);
public sealed record BatchDetails(string Name, string Description, string Prompt, string Provider, string Model, JsonElement? ParameterRanges,
    double EstimatedDuration, double EstimatedCostUsd, RunStatusView Status, IReadOnlyList<FailureSummary> Failures);
