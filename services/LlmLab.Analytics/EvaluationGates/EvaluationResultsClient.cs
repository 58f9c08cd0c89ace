using System.Net;
using System.Net.Http.Json;
using LlmLab.Analytics.Annotation;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;

namespace LlmLab.Analytics.EvaluationGates;

/// <summary>
/// Reads evaluations from the evaluation service as the tenant: whether one exists, and its figures for a gate. Analytics
/// keeps no copy of an evaluation's items, so an evaluation's erasure or deletion needs nothing here.
/// </summary>
public sealed class EvaluationResultsClient(IHttpClientFactory clients)
{
    public async Task<bool> ExistsAsync(string tenantId, Guid evaluationId, CancellationToken ct)
    {
        using var response = await SendAsync($"/api/evaluations/{evaluationId}/status", tenantId, ct);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>Null when the tenant has no such evaluation (never had, or deleted).</summary>
    public async Task<EvaluationResults?> ResultsAsync(string tenantId, Guid evaluationId, CancellationToken ct)
    {
        using var response = await SendAsync($"/internal/evaluations/{evaluationId}/gate-results", tenantId, ct);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        return await response.Content.ReadFromJsonAsync<EvaluationResults>(ServiceKitExtensions.Json, ct);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string tenantId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path).ActAs(tenantId);
        try
        {
            var response = await clients.CreateClient(RunResponses.EvaluationClient).SendAsync(request, ct);
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound) return response;
            response.Dispose();
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            throw new DependencyUnavailableException(RunResponses.EvaluationClient, ex);
        }
    }
}
