using System.Net;
using System.Net.Http.Json;
using System.Text;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class ExportTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task An_experiment_exports_as_csv_and_json_and_a_batch_run_as_csv_with_every_response()
    {
        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("export"));
        var runId = await _api.GenerateAsync(experimentId);
        await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));
        var ids = (await _api.ResponsesAsync(experimentId, runId)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToHashSet();

        var csv = await _api.Client.GetAsync($"/api/export/{experimentId}/csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".csv", csv.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var records = ParseCsv(await csv.Content.ReadAsStringAsync());
        Assert.Equal(19, records.Count);
        var header = records[0];
        Assert.Equal("response_id", header[0]);
        Assert.Equal("content", header[^1]);
        Assert.All(records.Skip(1), r => Assert.Equal(header.Count, r.Count));
        Assert.Equal(ids, records.Skip(1).Select(r => r[0]).ToHashSet());
        var overall = header.IndexOf("overall_score");
        Assert.All(records.Skip(1), r => Assert.InRange(double.Parse(r[overall], System.Globalization.CultureInfo.InvariantCulture), 0, 100));

        var json = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/export/{experimentId}"), HttpStatusCode.OK);
        Assert.Equal(18, json.GetProperty("count").GetInt32());
        Assert.All(json.GetProperty("responses").EnumerateArray(), r => Assert.True(r.GetProperty("metrics").GetProperty("overall_score").GetDouble() >= 0));

        var batch = await _api.Client.PostAsJsonAsync("/api/export/batch", new { batch_id = runId, format = "csv" });
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.Equal(19, ParseCsv(await batch.Content.ReadAsStringAsync()).Count);

        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/export/batch", new { batch_id = runId, format = "docx" }), HttpStatusCode.UnprocessableEntity, "format");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/export/batch", new { batch_id = Guid.NewGuid(), format = "csv" }), HttpStatusCode.NotFound, "batch_id");
    }

    /// <summary>RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; }
            else field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }
}
