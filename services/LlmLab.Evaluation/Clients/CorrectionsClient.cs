using System.Net.Http.Json;
using LlmLab.ServiceKit;

namespace LlmLab.Evaluation.Clients;

/// <summary>
/// Asks analytics (which keeps people's feedback) for the corrected answers given on an evaluation's answers:
/// POST /internal/feedback/corrections, signed as the caller. One call per request; it is not retried here (the standard
/// resilience handler of the HttpClient factory retries it).
/// </summary>
public sealed class CorrectionsClient(HttpClient http)
{
    public sealed record Correction(Guid ResponseId, string CorrectedAnswer, string Reviewer, DateTimeOffset UpdatedAt);

    private sealed record Answer(List<Correction> Items);

    public async Task<IReadOnlyList<Correction>> ForAsync(IReadOnlyList<Guid> responseIds, CancellationToken ct)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/internal/feedback/corrections", new { response_ids = responseIds }, ServiceKitExtensions.Json, ct);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<Answer>(ServiceKitExtensions.Json, ct);
            return answer?.Items ?? [];
        }
        catch (HttpRequestException ex)
        {
            throw new DependencyUnavailableException("analytics", ex);
        }
    }
}
