using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;
using UglyToad.PdfPig;

namespace LlmLab.IntegrationTests.Training;

/// <summary>A small training job end to end through the gateway: progress, report, the model in use, tenancy.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TrainingJobTests(PlatformFixture platform)
{
    private readonly HttpClient _client = platform.CreateClient();
    private TrainingApi Api => new(_client);

    [Fact]
    public async Task A_small_job_streams_every_step_with_falling_loss_reports_and_answers_as_a_local_model()
    {
        await new TrainingApi(_client).ReadyAsync();
        var name = $"tiny-{Guid.NewGuid():N}"[..20];
        var created = await Api.CreateAsync(TrainingApi.Job(name));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("queued", created.GetProperty("status").GetString());
        Assert.Equal($"local/{name}", created.GetProperty("model").GetString());

        var events = await Api.ReadProgressAsync(id, TimeSpan.FromSeconds(50));
        var job = await Api.JobAsync(id);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        var total = job.GetProperty("total_steps").GetInt32();
        var steps = events.Where(e => e.Event == "step").Select(e => e.Data).ToList();
        Assert.Equal(Enumerable.Range(1, total), steps.Select(s => s.GetProperty("step").GetInt32()));
        var losses = steps.Select(s => s.GetProperty("loss").GetDouble()).ToList();
        Assert.True(losses.TakeLast(3).Average() < losses.Take(3).Average() - 0.3, $"loss did not fall: {string.Join(", ", losses)}");
        var holdout = events.Where(e => e.Event == "holdout").Select(e => e.Data.GetProperty("loss").GetDouble()).ToList();
        Assert.Equal(3, holdout.Count);
        Assert.True(holdout[^1] < holdout[0], $"held-out loss did not fall: {string.Join(", ", holdout)}");
        Assert.Equal("completed", events[^1].Data.GetProperty("status").GetString());

        var report = await PlatformApi.ReadAsync(await _client.GetAsync($"/api/training/jobs/{id}/report"), HttpStatusCode.OK);
        Assert.Equal(total, report.GetProperty("train_loss").GetArrayLength());
        Assert.Equal(holdout[^1], report.GetProperty("final").GetProperty("holdout_loss").GetDouble(), 6);
        Assert.Equal(Math.Exp(holdout[^1]), report.GetProperty("final").GetProperty("holdout_perplexity").GetDouble(), 6);
        Assert.True(report.GetProperty("tokens").GetProperty("train").GetInt32() > 2000);
        Assert.True(report.GetProperty("samples").GetArrayLength() >= 1);
        Assert.True(report.GetProperty("duration_seconds").GetDouble() > 0);

        var html = await _client.GetAsync($"/api/training/jobs/{id}/report?format=html");
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("<svg", page);
        Assert.Contains("class=\"train\"", page);
        Assert.Contains("class=\"holdout\"", page);

        var pdf = await _client.GetAsync($"/api/training/jobs/{id}/report?format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        using (var document = PdfDocument.Open(bytes))
        {
            var text = string.Join(" ", document.GetPages().Select(p => p.Text));
            Assert.Contains($"Training report: {name}", text);
            Assert.Contains("Held-out loss", text);
        }

        var models = await PlatformApi.ReadAsync(await _client.GetAsync("/api/llm/models"), HttpStatusCode.OK);
        Assert.Contains(models.GetProperty("items").EnumerateArray(), m => m.GetProperty("provider").GetString() == "local" && m.GetProperty("model").GetString() == name);

        var completion = await PlatformApi.ReadAsync(await _client.PostAsJsonAsync("/v1/chat/completions", new
        {
            model = $"local/{name}",
            messages = new[] { new { role = "user", content = "The cat sat" } },
            max_tokens = 10,
            seed = 3,
        }), HttpStatusCode.OK);
        var content = completion.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
        Assert.False(string.IsNullOrEmpty(content));
        Assert.InRange(content!.Length, 1, 40);
        Assert.All(content, c => Assert.Contains(c, TrainingApi.SmallText));

        // Another tenant sees neither the job nor the model.
        using var other = platform.CreateClient(ProviderTenants.KeyB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/training/jobs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/training/jobs/{id}/report?format=pdf")).StatusCode);
        var theirs = await PlatformApi.ReadAsync(await other.GetAsync("/api/llm/models"), HttpStatusCode.OK);
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), m => m.GetProperty("model").GetString() == name);
        var refused = await other.PostAsJsonAsync("/v1/chat/completions", new
        {
            model = $"local/{name}",
            messages = new[] { new { role = "user", content = "The cat sat" } },
        });
        Assert.True(refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity,
            $"{refused.StatusCode}: {await refused.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task Cancel_stops_a_running_job_before_its_last_step()
    {
        await new TrainingApi(_client).ReadyAsync();
        var created = await Api.CreateAsync(TrainingApi.Job($"cancel-{Guid.NewGuid():N}"[..20], epochs: 100));
        var id = created.GetProperty("id").GetGuid();
        await Api.WaitAsync(id, j => j.GetProperty("completed_steps").GetInt32() > 0, TimeSpan.FromSeconds(40));

        var cancel = await _client.PostAsync($"/api/training/jobs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var ended = await Api.WaitForEndAsync(id, TimeSpan.FromSeconds(20));
        Assert.Equal("cancelled", ended.GetProperty("status").GetString());
        Assert.True(ended.GetProperty("completed_steps").GetInt32() < ended.GetProperty("total_steps").GetInt32());

        var again = await _client.PostAsync($"/api/training/jobs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var models = await PlatformApi.ReadAsync(await _client.GetAsync("/api/llm/models"), HttpStatusCode.OK);
        Assert.DoesNotContain(models.GetProperty("items").EnumerateArray(), m => m.GetProperty("model").GetString() == created.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Bad_training_parameters_are_refused_naming_the_field()
    {
        await new TrainingApi(_client).ReadyAsync();
        async Task Refused(object body, string field, HttpStatusCode status = HttpStatusCode.UnprocessableEntity) =>
            await PlatformApi.ExpectProblemAsync(await _client.PostAsJsonAsync("/api/training/jobs", body), status, field);

        var name = $"bad-{Guid.NewGuid():N}"[..16];
        var text = new[] { TrainingApi.SmallText };
        await Refused(new { name, texts = text, epochs = 0, batch_size = 8, learning_rate = 0.01 }, "epochs");
        await Refused(new { name, texts = text, epochs = 1, batch_size = 100_000, learning_rate = 0.01 }, "batch_size");
        await Refused(new { name, texts = text, epochs = 1, batch_size = 8, learning_rate = 5.0 }, "learning_rate");
        await Refused(new { name, texts = text, epochs = 1, batch_size = 8 }, "learning_rate");
        await Refused(new { name, texts = text, epochs = 1, batch_size = 8, learning_rate = 0.01, layers = 3 }, "layers");
        await Refused(new { name, texts = text, epochs = 1, batch_size = 8, learning_rate = 0.01, context_length = 4 }, "context_length");
        await Refused(new { name = "Not A Name", texts = text, epochs = 1, batch_size = 8, learning_rate = 0.01 }, "name");
        await Refused(new { name, texts = new[] { "too short" }, epochs = 1, batch_size = 8, learning_rate = 0.01 }, "texts");
        await Refused(new { name, epochs = 1, batch_size = 8, learning_rate = 0.01 }, "texts");
        await Refused(new { name, texts = text, document_ids = new[] { "d1" }, epochs = 1, batch_size = 8, learning_rate = 0.01 }, "document_ids");
        await Refused(new { name, texts = text, epochs = 1, batch_size = 8, learning_rate = 0.01, base_model = "local/none-such" }, "base_model");
        var list = await PlatformApi.ReadAsync(await _client.GetAsync("/api/training/jobs?page_size=500"), HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), j => j.GetProperty("name").GetString() == name);

        await PlatformApi.ExpectProblemAsync(await _client.GetAsync($"/api/training/jobs/{Guid.NewGuid()}/report?format=xml"),
            HttpStatusCode.BadRequest, "format");
    }
}
