using System.Text.Json;
using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using LlmLab.Batch.Search;
using LlmLab.Optimization;
using LlmLab.ServiceKit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Apis;

/// <summary>
/// Auto-optimisation of API.md: POST …/batch/{id}/optimize starts an adaptive search over the batch's grid (202 with
/// its status URL); GET …/optimize lists the batch's searches, GET …/optimize/{searchId} shows one with its trajectory,
/// DELETE …/optimize/{searchId} cancels a running one.
/// </summary>
public static class ParameterSearchApi
{
    public static IEndpointRouteBuilder MapParameterSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/experiments/batch/{id:guid}/optimize").RequireTenant();
        api.MapPost("/", StartAsync).AddEndpointFilter<BudgetGate>();
        api.MapGet("/", ListAsync);
        api.MapGet("/{searchId:guid}", StatusAsync);
        api.MapDelete("/{searchId:guid}", CancelAsync);
        return app;
    }

    public static async Task<Results<Accepted<ParameterSearchView>, ProblemHttpResult>> StartAsync(Guid id, SearchRequest body, HttpContext http,
        RunStatusReader reader, SearchSpaceReader spaces, ConcurrentRunGate gate, SearchStarter starter, SearchViewReader views, CancellationToken ct)
    {
        var batch = await reader.FindRunAsync(id, http.TenantId()!, ct);
        if (batch is null) return Problems.NotFound("Batch run", id);
        var (strategy, budget, seed, errors) = SearchRequestRules.Validate(body, batch.TotalItems);
        if (errors.Count > 0) return Problems.Invalid(errors);
        if (await spaces.ReadAsync(batch, ct) is null) return Problems.Conflict($"Batch run {id} has no grid of work items to search.");

        var (search, refused) = await gate.StartAsync(http.Caller()!, token => starter.StartAsync(batch, strategy!, budget, seed, http.Caller()!, token), ct);
        if (refused is not null) return refused;
        return TypedResults.Accepted($"/api/experiments/batch/{id}/optimize/{search!.Id}", await views.ReadAsync(batch, search, ct));
    }

    public static async Task<Results<Ok<List<ParameterSearchSummary>>, ProblemHttpResult>> ListAsync(Guid id, HttpContext http, RunStatusReader reader,
        BatchDbContext db, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        if (await reader.FindRunAsync(id, tenant, ct) is null) return Problems.NotFound("Batch run", id);
        var rows = await db.Searches.AsNoTracking().Where(s => s.BatchId == id && s.TenantId == tenant).OrderByDescending(s => s.CreatedAt)
            .Select(s => new ParameterSearchSummary(s.Id, s.RunId, s.Strategy, s.BudgetCalls, s.State, s.StopReason, s.CreatedAt, s.FinishedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(rows);
    }

    public static async Task<Results<Ok<ParameterSearchView>, ProblemHttpResult>> StatusAsync(Guid id, Guid searchId, HttpContext http,
        RunStatusReader reader, BatchDbContext db, SearchViewReader views, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var batch = await reader.FindRunAsync(id, tenant, ct);
        var search = batch is null ? null : await db.Searches.AsNoTracking().FirstOrDefaultAsync(s => s.Id == searchId && s.BatchId == id && s.TenantId == tenant, ct);
        return search is null ? Problems.NotFound("Parameter search", searchId) : TypedResults.Ok(await views.ReadAsync(batch!, search, ct));
    }

    /// <summary>Cancels the search's run (calls in flight are aborted, pending ones cancelled) and the search with it.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> CancelAsync(Guid id, Guid searchId, HttpContext http, RunStatusReader reader,
        BatchDbContext db, RunControl control, TimeProvider time, CancellationToken ct)
    {
        var tenant = http.TenantId()!;
        var search = await reader.FindRunAsync(id, tenant, ct) is null
            ? null
            : await db.Searches.FirstOrDefaultAsync(s => s.Id == searchId && s.BatchId == id && s.TenantId == tenant, ct);
        if (search is null) return Problems.NotFound("Parameter search", searchId);
        if (search.State != ParameterSearchState.Running) return Problems.Conflict($"Parameter search {searchId} is {EnumNames.Name(search.State)}; only a running one can be cancelled.");
        await control.CancelAsync(search.RunId, tenant, ct);
        var changed = await db.Searches.Where(s => s.Id == searchId && s.State == ParameterSearchState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, ParameterSearchState.Cancelled).SetProperty(x => x.StopReason, "cancelled")
                .SetProperty(x => x.FinishedAt, time.GetUtcNow()).SetProperty(x => x.Version, x => x.Version + 1), ct);
        return changed == 1 ? TypedResults.Accepted($"/api/experiments/batch/{id}/optimize/{searchId}")
            : Problems.Conflict($"Parameter search {searchId} finished before it could be cancelled.");
    }
}

/// <summary>Body of POST …/optimize; the numbers are read as JSON values so a wrong type is answered by the rules, naming the field.</summary>
public sealed record SearchRequest(string? Strategy, JsonElement? BudgetCalls, JsonElement? Seed);
