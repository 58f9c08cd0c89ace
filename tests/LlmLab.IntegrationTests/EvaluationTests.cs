using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;
using Xunit.Abstractions;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Datasets and evaluations through the gateway, on the real platform with the built-in local engine: uploads with bad
/// rows, versions, the shipped datasets, a naive + cot + agent evaluation on the arithmetic dataset with its summaries,
/// items, comparison and SSE progress, cancel, and tenant isolation. (RAG needs the knowledge service: unit-tested
/// against an in-process fake until it is merged.)
/// </summary>
[Collection(PlatformCollection.Name)]
public class EvaluationTests(PlatformFixture platform, ITestOutputHelper output)
{
    private readonly PlatformApi _api = new(platform.CreateClient(PlatformFixture.EvaluationApiKey));

    [Fact]
    public async Task An_upload_with_bad_rows_is_refused_naming_line_and_field_and_versions_keep_their_own_items()
    {
        var jsonl = "{\"question\": \"What is 2 + 2?\", \"answers\": [\"4\"]}\n{\"question\": \"Symbol of iron?\", \"answers\": []}\n";
        using (var bad = await _api.Client.PostAsync("/api/datasets", Multipart("bad.jsonl", jsonl, "bad-upload")))
        {
            var problem = await PlatformApi.ExpectProblemAsync(bad, HttpStatusCode.UnprocessableEntity, "items[1].answers");
            Assert.StartsWith("line 2:", problem.GetProperty("errors").GetProperty("items[1].answers")[0].GetString());
        }
        var listed = await _api.GetAsync("/api/datasets?page_size=100");
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), d => d.GetProperty("name").GetString() == "bad-upload");

        using var created = await _api.Client.PostAsJsonAsync("/api/datasets", new
        {
            name = "capitals",
            items = new object[]
            {
                new { id = "fr", question = "Capital of France?", answers = new[] { "Paris" } },
                new { id = "jp", question = "Capital of Japan?", answer = "Tokyo", aliases = new[] { "Tōkyō" } },
            },
        });
        var dataset = await PlatformApi.ReadAsync(created, HttpStatusCode.Created);
        Assert.Equal(1, dataset.GetProperty("version").GetInt32());
        var id = dataset.GetProperty("id").GetString();

        var csv = "id,question,answers\nfr,Capital of France?,Paris\nit,Capital of Italy?,Rome|Roma\nde,Capital of Germany?,Berlin\n";
        using (var version = await _api.Client.PostAsync($"/api/datasets/{id}/versions", Multipart("v2.csv", csv)))
        {
            var v2 = await PlatformApi.ReadAsync(version, HttpStatusCode.Created);
            Assert.Equal(2, v2.GetProperty("version").GetInt32());
            Assert.Equal(3, v2.GetProperty("item_count").GetInt32());
        }
        var v1Items = await _api.GetAsync($"/api/datasets/{id}/items?version=1");
        Assert.Equal(["fr", "jp"], v1Items.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(["Tokyo", "Tōkyō"], v1Items.GetProperty("items")[1].GetProperty("answers").EnumerateArray().Select(a => a.GetString()));
        var v2Items = await _api.GetAsync($"/api/datasets/{id}/items?version=2");
        Assert.Equal(["Rome", "Roma"], v2Items.GetProperty("items")[1].GetProperty("answers").EnumerateArray().Select(a => a.GetString()));
        using (var badCsv = await _api.Client.PostAsync($"/api/datasets/{id}/versions", Multipart("v3.csv", "id,question,answers\nx,,y\n")))
            await PlatformApi.ExpectProblemAsync(badCsv, HttpStatusCode.UnprocessableEntity, "items[0].question");
        Assert.Equal(2, (await _api.GetAsync($"/api/datasets/{id}")).GetProperty("version").GetInt32());

        using var delete = await _api.Client.DeleteAsync($"/api/datasets/{id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task Naive_cot_and_agent_on_the_arithmetic_dataset_finish_with_summaries_and_a_paired_comparison()
    {
        var arithmetic = await BuiltinAsync("arithmetic");
        var progress = new List<JsonElement>();
        var evaluation = await StartAsync(new
        {
            name = "arithmetic methods",
            dataset_id = arithmetic,
            sample_size = 30,
            seed = 5,
            provider = "local",
            methods = new object[] { new { method = "naive" }, new { method = "cot" }, new { method = "agent", options = new { max_steps = 4 } } },
            parameters = new { temperature = 0, max_tokens = 48 },
        });
        var id = evaluation.GetProperty("id").GetString();
        Assert.Equal(90, evaluation.GetProperty("total_items").GetInt32());

        // SSE progress until the evaluation has finished: the stream ends by itself.
        using (var stream = await _api.Client.GetAsync($"/api/evaluations/{id}/progress", HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
            using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            while (await reader.ReadLineAsync(timeout.Token) is { } line)
                if (line.StartsWith("data: ", StringComparison.Ordinal)) progress.Add(JsonDocument.Parse(line[6..]).RootElement.Clone());
        }
        Assert.Equal("completed", progress[^1].GetProperty("status").GetString());
        Assert.Equal(100, progress[^1].GetProperty("progress").GetDouble());
        Assert.True(progress.Select(p => p.GetProperty("sequence").GetInt64()).SequenceEqual(progress.Select(p => p.GetProperty("sequence").GetInt64()).Order()));

        var done = await _api.GetAsync($"/api/evaluations/{id}");
        Assert.Equal(3, done.GetProperty("summary").GetArrayLength());
        foreach (var summary in done.GetProperty("summary").EnumerateArray())
        {
            var label = summary.GetProperty("label").GetString();
            Assert.Equal(30, summary.GetProperty("n").GetInt32());
            Assert.Equal(30, summary.GetProperty("completed").GetInt32() + summary.GetProperty("stuck").GetInt32());
            var exact = summary.GetProperty("accuracy").GetProperty("exact_match").GetDouble();
            Assert.InRange(exact, 0, 1);
            Assert.True(summary.GetProperty("latency_ms").GetProperty("p50").GetDouble() > 0, $"{label}: no latency");
            Assert.True(summary.GetProperty("tokens").GetProperty("total").GetInt64() > 0, $"{label}: no tokens");
            output.WriteLine($"{label}: exact {exact:P1}, f1 {summary.GetProperty("accuracy").GetProperty("f1")}, " +
                             $"p50 {summary.GetProperty("latency_ms").GetProperty("p50")} ms, agent {summary.GetProperty("agent")}");
        }
        var agent = done.GetProperty("summary").EnumerateArray().Single(s => s.GetProperty("label").GetString() == "agent").GetProperty("agent");
        Assert.InRange(agent.GetProperty("mean_steps").GetDouble(), 1, 4);
        Assert.InRange(agent.GetProperty("success_rate").GetDouble(), 0, 1);

        var items = await _api.GetAsync($"/api/evaluations/{id}/items?method=agent&page_size=5");
        Assert.Equal(30, items.GetProperty("total").GetInt32());
        var first = items.GetProperty("items")[0];
        Assert.NotEmpty(first.GetProperty("trace").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("question").GetString()));
        Assert.Single(first.GetProperty("expected").EnumerateArray());

        // The histogram and the extremes are counted by the server over every item: each method's bins add up to its
        // answered items, and the fastest and slowest agree with the latencies of all 90 items read page by page.
        var latency = await _api.GetAsync($"/api/evaluations/{id}/latency?bins=8&top=3");
        var all = (await _api.GetAsync($"/api/evaluations/{id}/items?page_size=100")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("status").GetString() is "completed" or "stuck").ToList();
        Assert.Equal(all.Count, latency.GetProperty("answered").GetInt64());
        var bins = latency.GetProperty("bins").EnumerateArray().ToList();
        Assert.InRange(bins.Count, 1, 8);
        foreach (var method in new[] { "naive", "cot", "agent" })
            Assert.Equal(all.Count(i => i.GetProperty("method").GetString() == method), bins.Sum(b => b.GetProperty("counts").GetProperty(method).GetInt64()));
        var byLatency = all.Select(i => i.GetProperty("latency_ms").GetDouble()).Order().ToList();
        Assert.Equal(byLatency.Take(3), latency.GetProperty("fastest").EnumerateArray().Select(i => i.GetProperty("latency_ms").GetDouble()));
        Assert.Equal(byLatency.TakeLast(3).Reverse(), latency.GetProperty("slowest").EnumerateArray().Select(i => i.GetProperty("latency_ms").GetDouble()));
        Assert.True(bins[0].GetProperty("from").GetDouble() <= byLatency[0] && byLatency[^1] <= bins[^1].GetProperty("to").GetDouble());
        using (var badBins = await _api.Client.GetAsync($"/api/evaluations/{id}/latency?bins=0"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badBins.StatusCode);
            Assert.Contains("bins", await badBins.Content.ReadAsStringAsync());
        }

        var comparison = await _api.GetAsync($"/api/evaluations/{id}/comparison");
        var pairs = comparison.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal(3, pairs.Count);
        foreach (var pair in pairs)
        {
            Assert.Equal(30, pair.GetProperty("n").GetInt32());
            Assert.Equal(30, new[] { "both_correct", "only_a", "only_b", "neither_correct" }.Sum(f => pair.GetProperty(f).GetInt32()));
            Assert.True(pair.GetProperty("holm_p").GetDouble() >= pair.GetProperty("mcnemar_p").GetDouble());
            output.WriteLine(pair.ToString());
        }

        // The other tenant sees none of it.
        using var other = platform.CreateClient(PlatformFixture.EvaluationOtherApiKey);
        foreach (var path in new[] { $"/api/evaluations/{id}", $"/api/evaluations/{id}/items", $"/api/evaluations/{id}/comparison", $"/api/evaluations/{id}/latency" })
        {
            using var response = await other.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using (var shipped = await other.GetAsync($"/api/datasets/{arithmetic}")) Assert.Equal(HttpStatusCode.OK, shipped.StatusCode);
    }

    [Fact]
    public async Task A_dataset_in_use_cannot_be_deleted_a_running_evaluation_can_be_cancelled_and_bad_requests_name_the_field()
    {
        using var created = await _api.Client.PostAsJsonAsync("/api/datasets", new
        {
            name = "in use",
            items = Enumerable.Range(1, 300).Select(i => new { question = $"What is {i} + {i}?", answers = new[] { $"{2 * i}" } }),
        });
        var dataset = (await PlatformApi.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetString();
        var evaluation = await StartAsync(new { name = "to cancel", dataset_id = dataset, provider = "local", methods = new[] { new { method = "agent" }, new { method = "cot" } } });
        var id = evaluation.GetProperty("id").GetString();

        using (var cancel = await _api.Client.PostAsync($"/api/evaluations/{id}/cancel", null))
            Assert.Equal("cancelled", (await PlatformApi.ReadAsync(cancel, HttpStatusCode.Accepted)).GetProperty("status").GetString());
        await Task.Delay(2_000);
        var status = await _api.GetAsync($"/api/evaluations/{id}/status");
        Assert.Equal("cancelled", status.GetProperty("status").GetString());
        var cancelled = await _api.GetAsync($"/api/evaluations/{id}/items?status=cancelled");
        Assert.True(cancelled.GetProperty("total").GetInt32() > 0);
        Assert.Equal(600, cancelled.GetProperty("total").GetInt32() + status.GetProperty("completed_items").GetInt32() + status.GetProperty("failed_items").GetInt32());

        using (var refused = await _api.Client.DeleteAsync($"/api/datasets/{dataset}"))
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using (var shipped = await _api.Client.DeleteAsync($"/api/datasets/{await BuiltinAsync("two-hop")}"))
            Assert.Equal(HttpStatusCode.Conflict, shipped.StatusCode);

        async Task Refused(object body, string field)
        {
            using var response = await _api.Client.PostAsJsonAsync("/api/evaluations", body);
            await PlatformApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
        }
        await Refused(new { name = "x", dataset_id = dataset, methods = new[] { new { method = "magic" } } }, "methods[0].method");
        await Refused(new { name = "x", dataset_id = dataset, methods = new[] { new { method = "naive", options = new { top_k = 0 } } } }, "methods[0].options.top_k");
        await Refused(new { name = "x", dataset_id = dataset, provider = "nope", methods = new[] { new { method = "naive" } } }, "provider");
        await Refused(new { name = "x", dataset_id = Guid.NewGuid(), methods = new[] { new { method = "naive" } } }, "dataset_id");

        using var other = platform.CreateClient(PlatformFixture.EvaluationOtherApiKey);
        using (var hidden = await other.GetAsync($"/api/datasets/{dataset}")) Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using (var foreign = await other.PostAsJsonAsync("/api/evaluations", new { name = "x", dataset_id = dataset, methods = new[] { new { method = "naive" } } }))
            await PlatformApi.ExpectProblemAsync(foreign, HttpStatusCode.UnprocessableEntity, "dataset_id");
    }

    private async Task<string> BuiltinAsync(string name)
    {
        var list = await _api.GetAsync("/api/datasets?page_size=100");
        var dataset = list.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("name").GetString() == name && d.GetProperty("builtin").GetBoolean());
        return dataset.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> StartAsync(object body)
    {
        using var response = await _api.Client.PostAsJsonAsync("/api/evaluations", body);
        return await PlatformApi.ReadAsync(response, HttpStatusCode.Created);
    }

    private static MultipartFormDataContent Multipart(string fileName, string text, string? name = null)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        if (name is not null) content.Add(new StringContent(name), "name");
        return content;
    }
}
