using LlmLab.Batch.Clients;
using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

public static class ResponsesApi
{
    public static IEndpointRouteBuilder MapResponsesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireTenant();
        api.MapPost("/responses/generate", GenerateAsync).AddEndpointFilter<BudgetGate>();
        api.MapGet("/responses/{experimentId:guid}", ListAsync);
        api.MapGet("/responses/single/{id:guid}", GetAsync);
        api.MapGet("/metrics/{responseId:guid}", GetMetricsAsync);
        return app;
    }

    public static async Task<Results<Ok<RunGenerated>, Accepted<RunAccepted>, ProblemHttpResult>> GenerateAsync(
        GenerateBody body, HttpContext http, ExperimentsClient experiments, ModelCatalog catalog, RunLauncher launcher, ConcurrentRunGate gate,
        SmallRunWaiter smallRuns, IConfiguration configuration, CancellationToken ct)
    {
        if (body.ExperimentId is not { } experimentId || experimentId == Guid.Empty)
            return Problems.Invalid("experiment_id", "is required.");
        var tenantId = http.TenantId()!;
        var experiment = await experiments.GetAsync(experimentId, http.Caller()!, ct);
        if (experiment is null)
            return Problems.Invalid("experiment_id", $"no experiment with id {experimentId}.", StatusCodes.Status404NotFound);

        var limit = configuration.GetValue("Batch:MaxCallsPerRun", 10_000);
        var calls = GridExpander.CallCount(experiment);
        if (calls > limit)
            return Problems.Invalid("response_count", $"the grid makes {calls} calls, over the limit of {limit}.");

        // The experiment was checked when saved; its provider may have been removed since.
        if (await catalog.FindUnknownAsync(tenantId, experiment.Provider, [experiment.Model], ct) is { } unknown)
            return Problems.Invalid(unknown.Field, unknown.Message);

        var (run, refused) = await gate.StartAsync(http.Caller()!, token => launcher.LaunchAsync(experiment, http.Caller()!, token), ct);
        if (refused is not null) return refused;
        var statusUrl = $"/api/experiments/batch/{run!.Id}/status";
        var progressUrl = $"/api/experiments/batch/{run.Id}/progress";
        if (smallRuns.IsSmall(run) && await smallRuns.WaitAsync(run.Id, tenantId, ct) is var (finished, responses))
        {
            return TypedResults.Ok(new RunGenerated(finished.Id, experiment.Id, finished.Status, finished.TotalCombinations, finished.TotalItems,
                statusUrl, progressUrl, responses));
        }
        return TypedResults.Accepted(statusUrl, new RunAccepted(run.Id, experiment.Id, run.Status, run.TotalCombinations, run.TotalItems,
            statusUrl, progressUrl));
    }

    public static async Task<Results<Ok<PagedList<ResponseView>>, ProblemHttpResult>> ListAsync(
        Guid experimentId, HttpContext http, BatchDbContext db, ExperimentLookup experiments, CancellationToken ct,
        double? temperature = null, double? top_p = null, Guid? run_id = null, int page = 1, int page_size = 50)
    {
        if (Paging.Invalid(page, page_size) is { } badPage) return badPage;
        if (temperature is { } t && !double.IsFinite(t)) return Problems.Invalid("temperature", "must be a finite number.", StatusCodes.Status400BadRequest);
        if (top_p is { } p && !double.IsFinite(p)) return Problems.Invalid("top_p", "must be a finite number.", StatusCodes.Status400BadRequest);
        if (!await experiments.ExistsAsync(experimentId, http.Caller()!, ct)) return Problems.NotFound("Experiment", experimentId);
        var query = db.Responses.AsNoTracking().Include(r => r.Metrics)
            .Where(r => r.TenantId == http.TenantId() && r.ExperimentId == experimentId);
        if (temperature is not null) query = query.Where(r => r.Temperature == temperature);
        if (top_p is not null) query = query.Where(r => r.TopP == top_p);
        if (run_id is not null) query = query.Where(r => r.RunId == run_id);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Skip((page - 1) * page_size).Take(page_size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<ResponseView>(items.Select(r => r.ToView()).ToList(), total, page, page_size));
    }

    public static async Task<Results<Ok<ResponseView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, BatchDbContext db, CancellationToken ct)
    {
        var response = await db.Responses.AsNoTracking().Include(r => r.Metrics).FirstOrDefaultAsync(r => r.Id == id && r.TenantId == http.TenantId(), ct);
        return response is null ? Problems.NotFound("Response", id) : TypedResults.Ok(response.ToView());
    }

    public static async Task<Results<Ok<MetricsView>, ProblemHttpResult>> GetMetricsAsync(Guid responseId, HttpContext http, BatchDbContext db, CancellationToken ct)
    {
        var response = await db.Responses.AsNoTracking().Include(r => r.Metrics).FirstOrDefaultAsync(r => r.Id == responseId && r.TenantId == http.TenantId(), ct);
        return response?.Metrics is null ? Problems.NotFound("Response", responseId) : TypedResults.Ok(response.Metrics.ToView());
    }
}

public sealed record GenerateBody(Guid? ExperimentId);

/// <summary>A small run, finished: the 202 body's fields and every response.</summary>
public sealed record RunGenerated(Guid RunId, Guid ExperimentId, RunStatus Status, int TotalCombinations, int TotalCalls, string StatusUrl, string ProgressUrl,
    IReadOnlyList<ResponseView> Responses);

public sealed record RunAccepted(Guid RunId, Guid ExperimentId, RunStatus Status, int TotalCombinations, int TotalCalls, string StatusUrl, string ProgressUrl);
