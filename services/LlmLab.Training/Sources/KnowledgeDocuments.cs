using System.Net;
using System.Text;
using System.Text.Json;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;

namespace LlmLab.Training.Sources;

/// <summary>
/// The text of the caller's documents, from the knowledge service's REST contract (GET /api/documents/{id}, with its
/// chunks), asked as the caller so only the caller's tenant's documents are visible.
/// </summary>
public sealed class KnowledgeDocuments(HttpClient http)
{
    public async Task<SourceText> ReadAsync(IReadOnlyList<string> ids, CallerIdentity caller, CancellationToken ct)
    {
        var text = new StringBuilder();
        for (var i = 0; i < ids.Count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/documents/{Uri.EscapeDataString(ids[i])}").ActAs(caller);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                return SourceText.Refused("document_ids", "the knowledge service is unavailable; try again, or send texts.", StatusCodes.Status503ServiceUnavailable);
            }
            using (response)
            {
                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity)
                    return SourceText.Refused($"document_ids[{i}]", $"no document '{ids[i]}'.");
                if (!response.IsSuccessStatusCode)
                    return SourceText.Refused("document_ids", $"the knowledge service answered {(int)response.StatusCode}.", StatusCodes.Status503ServiceUnavailable);
                using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
                if (!document.RootElement.TryGetProperty("chunks", out var chunks) || chunks.ValueKind != JsonValueKind.Array)
                    return SourceText.Refused($"document_ids[{i}]", "the document has no chunks.");
                foreach (var chunk in chunks.EnumerateArray())
                {
                    if (chunk.TryGetProperty("text", out var part) && part.GetString() is { Length: > 0 } value) text.Append(value).Append('\n');
                }
                text.Append('\n');
            }
        }
        return SourceText.Of(text.ToString());
    }
}
