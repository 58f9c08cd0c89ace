using System.Net;
using System.Net.Http.Json;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;

namespace LlmLab.Analytics.Annotation;

/// <summary>
/// Reads the responses of a run as reviewers will see them, from the service that owns the run: batch
/// (GET /internal/runs/{id}/review-items) or evaluation (GET /api/evaluations/{id}/items, answered items only), each
/// asked as the tenant. Null when neither knows the run.
/// </summary>
public sealed class RunResponses(IHttpClientFactory clients)
{
    public const string BatchClient = "batch";
    public const string EvaluationClient = "evaluation";
    private const int EvaluationPageSize = 500;

    public async Task<(string Kind, IReadOnlyList<ReviewableResponse> Responses)?> ReadAsync(string tenantId, Guid runId, CancellationToken ct)
    {
        if (await BatchAsync(tenantId, runId, ct) is { } batch) return ("batch", batch);
        if (await EvaluationAsync(tenantId, runId, ct) is { } evaluation) return ("evaluation", evaluation);
        return null;
    }

    private async Task<IReadOnlyList<ReviewableResponse>?> BatchAsync(string tenantId, Guid runId, CancellationToken ct)
    {
        var items = await GetAsync<List<BatchItem>>(BatchClient, $"/internal/runs/{runId}/review-items", tenantId, ct);
        return items?.Select(i => new ReviewableResponse(i.ResponseId, i.Prompt, i.Response, null)).ToList();
    }

    private async Task<IReadOnlyList<ReviewableResponse>?> EvaluationAsync(string tenantId, Guid runId, CancellationToken ct)
    {
        var responses = new List<ReviewableResponse>();
        for (var page = 1; ; page++)
        {
            var items = await GetAsync<EvaluationPage>(EvaluationClient, $"/api/evaluations/{runId}/items?page={page}&page_size={EvaluationPageSize}", tenantId, ct);
            if (items is null) return null;
            responses.AddRange(items.Items.Where(i => i.Answer is not null).Select(i => new ReviewableResponse(i.Id, i.Question, i.Answer!,
                i.Expected.Count == 0 ? null : string.Join(" | ", i.Expected))));
            if (page * EvaluationPageSize >= items.Total || responses.Count > QueueRequest.MaxResponses) return responses;
        }
    }

    private async Task<T?> GetAsync<T>(string client, string path, string tenantId, CancellationToken ct) where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path).ActAs(tenantId);
        try
        {
            using var response = await clients.CreateClient(client).SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<T>(ServiceKitExtensions.Json, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new DependencyUnavailableException(client, ex);
        }
    }

    private sealed record BatchItem(Guid ResponseId, string Prompt, string Response);

    private sealed record EvaluationPage(List<EvaluationItem> Items, int Total);

    private sealed record EvaluationItem(Guid Id, string Question, List<string> Expected, string? Answer);
}
