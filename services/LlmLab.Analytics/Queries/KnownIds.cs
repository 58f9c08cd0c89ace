using System.Net.Http.Json;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LlmLab.Analytics.Queries;

/// <summary>
/// Whether a run or experiment id a view is filtered by is the caller's: scored in the read model, or known to the batch
/// service (a run or experiment with nothing scored yet). An unknown or foreign id is a 404 naming the parameter, not an
/// empty view that cannot be told from "no data yet". For role user, only the runs it owns count (batch decides).
/// </summary>
public sealed class KnownIds(AnalyticsSql sql, HttpClient batch, IHttpContextAccessor accessor)
{
    private IReadOnlyList<Guid>? _ownRuns;

    /// <summary>For a caller of role user: the ids of the runs it owns (asked of batch as the caller); null for every other role.</summary>
    public async Task<IReadOnlyList<Guid>?> OwnRunsAsync(CancellationToken ct)
    {
        if (accessor.HttpContext?.Caller() is not { Role: Roles.User }) return null;
        if (_ownRuns is not null) return _ownRuns;
        try
        {
            // Signed as the caller (no ActAs), so batch answers with that user's runs only.
            _ownRuns = await batch.GetFromJsonAsync<List<Guid>>("/internal/visible-runs", ct) ?? [];
            return _ownRuns;
        }
        catch (HttpRequestException ex)
        {
            throw new DependencyUnavailableException("batch", ex);
        }
    }

    public async Task<ProblemHttpResult?> UnknownAsync(string tenantId, string field, Guid? runId, Guid? experimentId, CancellationToken ct)
    {
        var own = await OwnRunsAsync(ct);
        if (runId is { } run && !(own is null ? await RunExistsAsync(tenantId, run, ct) : own.Contains(run)))
            return Problems.Invalid(field, $"no batch run with id {run}.", StatusCodes.Status404NotFound);
        if (experimentId is { } experiment && !await ExperimentExistsAsync(tenantId, experiment, asCaller: own is not null, ct))
            return Problems.Invalid("experiment_id", $"no experiment with id {experiment}.", StatusCodes.Status404NotFound);
        return null;
    }

    public async Task<ProblemHttpResult?> UnknownAsync(AnalyticsScope scope, HttpContext http, CancellationToken ct) =>
        await UnknownAsync(scope.TenantId, http.Request.Query.ContainsKey("run_id") ? "run_id" : "batch_id", scope.RunId, scope.ExperimentId, ct);

    private async Task<bool> RunExistsAsync(string tenantId, Guid run, CancellationToken ct) =>
        await ScoredAsync(tenantId, "run_id", run, ct) || await BatchKnowsAsync(tenantId, $"/api/experiments/batch/{run}/status", asCaller: false, ct);

    /// <summary>A user's experiment is asked of batch as the user (which asks experiments, who owns the creator's rule).</summary>
    private async Task<bool> ExperimentExistsAsync(string tenantId, Guid experiment, bool asCaller, CancellationToken ct) =>
        (!asCaller && await ScoredAsync(tenantId, "experiment_id", experiment, ct))
        || await BatchKnowsAsync(tenantId, $"/api/responses/{experiment}?page_size=1", asCaller, ct);

    private async Task<bool> ScoredAsync(string tenantId, string column, Guid id, CancellationToken ct) =>
        (await sql.QueryAsync(c =>
        {
            c.Parameters.AddWithValue("tenant", tenantId);
            c.Parameters.AddWithValue("id", id);
            return $"SELECT EXISTS (SELECT 1 FROM scored_responses WHERE tenant_id = @tenant AND {column} = @id)";
        }, r => r.GetBoolean(0), ct)).Single();

    /// <summary>Asks the batch service (the owner of runs); when it cannot answer, the id is given the benefit of the doubt.</summary>
    private async Task<bool> BatchKnowsAsync(string tenantId, string path, bool asCaller, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (!asCaller) request.ActAs(tenantId);
        try
        {
            using var response = await batch.SendAsync(request, ct);
            return response.IsSuccessStatusCode || (int)response.StatusCode >= 500;
        }
        catch (HttpRequestException)
        {
            return true;
        }
    }
}
