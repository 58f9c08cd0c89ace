using System.Net;
using System.Net.Http.Json;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Parquet;
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
        Assert.Equal(["content", "error_kind", "error_message"], header.TakeLast(3).ToArray());
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

    [Fact]
    public async Task A_batch_exports_as_xlsx_and_parquet_and_a_custom_export_keeps_only_the_fields_and_rows_asked_for()
    {
        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("export-formats"));
        var runId = await _api.GenerateAsync(experimentId);
        await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));
        var responses = (await _api.ResponsesAsync(experimentId, runId)).GetProperty("items").EnumerateArray().ToList();

        var xlsx = await _api.Client.PostAsJsonAsync("/api/export/batch", new { batch_id = runId, format = "xlsx" });
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using (var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())))
        {
            Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
            Assert.NotNull(zip.GetEntry("xl/workbook.xml"));
            using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
            var rows = XDocument.Load(sheet).Descendants().Where(e => e.Name.LocalName == "row").ToList();
            Assert.Equal(19, rows.Count);
            Assert.Equal("response_id", rows[0].Descendants().First(e => e.Name.LocalName == "t").Value);
            var firstIds = rows.Skip(1).Select(r => r.Descendants().First(e => e.Name.LocalName == "t").Value).ToHashSet();
            Assert.Equal(responses.Select(r => r.GetProperty("id").GetString()!).ToHashSet(), firstIds);
        }

        var parquet = await _api.Client.PostAsJsonAsync("/api/export/batch", new { batch_id = runId, format = "parquet" });
        Assert.Equal(HttpStatusCode.OK, parquet.StatusCode);
        await using (var reader = await ParquetReader.CreateAsync(new MemoryStream(await parquet.Content.ReadAsByteArrayAsync())))
        {
            Assert.Equal(1, reader.RowGroupCount);
            using var group = reader.OpenRowGroupReader(0);
            Assert.Equal(18, group.RowCount);
            var overallField = reader.Schema.DataFields.Single(f => f.Name == "overall_score");
            var overall = new double?[group.RowCount];
            await group.ReadAsync<double>(overallField, overall.AsMemory(), null, CancellationToken.None);
            Assert.Equal(responses.Select(r => r.GetProperty("metrics").GetProperty("overall_score").GetDouble()).Order(), overall.Select(v => v!.Value).Order());
        }

        var custom = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/api/export/custom", new
        {
            format = "json", fields = new[] { "response_id", "temperature", "overall_score" },
            filters = new { batch_id = runId, temperature_min = 0.6 },
        }), HttpStatusCode.OK);
        var exported = custom.EnumerateArray().ToList();
        Assert.Equal(responses.Count(r => r.GetProperty("temperature").GetDouble() >= 0.6), exported.Count);
        Assert.All(exported, e => Assert.Equal(["response_id", "temperature", "overall_score"], e.EnumerateObject().Select(p => p.Name)));

        var analytics = await _api.Client.GetAsync($"/api/export/analytics/optimization?batch_id={runId}&format=csv");
        Assert.Equal(HttpStatusCode.OK, analytics.StatusCode);
        var table = ParseCsv(await analytics.Content.ReadAsStringAsync());
        Assert.Equal(["parameter", "value", "count", "mean_overall_score", "std_dev", "optimal", "p_value"], table[0]);
        Assert.Equal(3, table.Count(r => r[0] == "temperature")); // 0.2, 0.6, 1.0

        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/export/custom", new { fields = new[] { "response_id", "api_key" } }), HttpStatusCode.UnprocessableEntity, "fields[1]");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/export/custom", new { filters = new { min_overall_score = 80, max_overall_score = 20 } }), HttpStatusCode.UnprocessableEntity, "filters.min_overall_score");
        await PlatformApi.ExpectProblemAsync(await _api.Client.GetAsync("/api/export/analytics/models?format=pdf"), HttpStatusCode.BadRequest, "format");
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
