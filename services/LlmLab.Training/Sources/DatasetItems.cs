using System.Net;
using System.Text;
using System.Text.Json;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;

namespace LlmLab.Training.Sources;

/// <summary>
/// The text of a dataset (question, answers and context of each item), read page by page through the datasets REST
/// contract (GET /api/datasets/{id}/items) as the caller.
/// </summary>
public sealed class DatasetItems(HttpClient http)
{
    private const int PageSize = 500;

    public async Task<SourceText> ReadAsync(string datasetId, CallerIdentity caller, int maxCharacters, CancellationToken ct)
    {
        var text = new StringBuilder();
        for (var page = 1; ; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get,
                $"/api/datasets/{Uri.EscapeDataString(datasetId)}/items?page={page}&page_size={PageSize}").ActAs(caller);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                return SourceText.Refused("dataset_id", "the datasets service is unavailable; try again, or send texts.", StatusCodes.Status503ServiceUnavailable);
            }
            using (response)
            {
                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity)
                    return SourceText.Refused("dataset_id", $"no dataset '{datasetId}'.");
                if (!response.IsSuccessStatusCode)
                    return SourceText.Refused("dataset_id", $"the datasets service answered {(int)response.StatusCode}.", StatusCodes.Status503ServiceUnavailable);
                using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
                var items = document.RootElement.GetProperty("items");
                foreach (var item in items.EnumerateArray()) Append(text, item);
                if (text.Length > maxCharacters) return SourceText.Refused("dataset_id", $"the dataset holds more than {maxCharacters} characters.");
                if (items.GetArrayLength() < PageSize) return SourceText.Of(text.ToString());
            }
        }
    }

    private static void Append(StringBuilder text, JsonElement item)
    {
        foreach (var field in new[] { "context", "question" })
        {
            if (item.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String) text.Append(value.GetString()).Append('\n');
        }
        if (item.TryGetProperty("answers", out var answers) && answers.ValueKind == JsonValueKind.Array && answers.GetArrayLength() > 0)
            text.Append(answers[0].GetString()).Append('\n');
        text.Append('\n');
    }
}
