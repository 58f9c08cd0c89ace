using System.Net;
using System.Net.Http.Json;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;

namespace LlmLab.Batch.Clients;

/// <summary>
/// Reads experiments from the experiments service (service discovery name "experiments") as the caller, so a caller who
/// may see only their own experiments can run only those.
/// </summary>
public sealed class ExperimentsClient(HttpClient http)
{
    public async Task<ExperimentDefinition?> GetAsync(Guid id, CallerIdentity caller, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/experiments/{id}");
        request.ActAs(caller);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ExperimentDefinition>(ServiceKitExtensions.Json, cancellationToken);
    }
}
