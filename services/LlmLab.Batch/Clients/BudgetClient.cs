using System.Net.Http.Json;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;

namespace LlmLab.Batch.Clients;

/// <summary>Asks llm-integration, which sums every call's cost, whether the tenant's budget refuses new work.</summary>
public sealed class BudgetClient(HttpClient http)
{
    public async Task<BudgetState> StateAsync(string tenantId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/budgets").ActAs(tenantId);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<BudgetState>(ServiceKitExtensions.Json, cancellationToken))!;
    }
}

public sealed record BudgetState(bool Refusing, IReadOnlyList<string> Exceeded);
