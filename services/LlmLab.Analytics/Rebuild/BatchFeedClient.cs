using System.Net.Http.Json;
using LlmLab.Contracts.Messages;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;

namespace LlmLab.Analytics.Rebuild;

/// <summary>Pages through the batch service's scored-response feed (service discovery name "batch") as one tenant.</summary>
public sealed class BatchFeedClient(HttpClient http)
{
    public const int PageSize = 5000;

    public async Task<ScoredPage> PageAsync(string tenantId, Guid? after, CancellationToken ct)
    {
        var url = $"/api/responses/scored?limit={PageSize}" + (after is { } last ? $"&after={last}" : "");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.ActAs(tenantId);
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ScoredPage>(ServiceKitExtensions.Json, ct)
            ?? throw new InvalidOperationException("The batch service answered an empty page.");
    }
}

public sealed record ScoredPage(IReadOnlyList<ResponseScored> Items, Guid? NextAfter);
