using System.Net;
using System.Net.Http.Json;
using LlmLab.IntegrationTests.Knowledge;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests.Training;

/// <summary>
/// Training from the tenant's knowledge-base documents and from a dataset, end to end through the gateway. Each source's
/// text uses a small alphabet of its own, so the trained model (a character model) can only write that source's characters:
/// proof the job trained on that source and nothing else.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TrainingSourceTests(PlatformFixture platform)
{
    private readonly HttpClient _client = platform.CreateClient();
    private TrainingApi Api => new(_client);

    [Fact]
    public async Task A_job_trains_on_the_tenants_documents_and_its_model_writes_only_their_characters()
    {
        await Api.ReadyAsync();
        const string text = "mama made a plum jam and papa ate a ham. ";
        var knowledge = new KnowledgeApi(_client);
        var first = await knowledge.UploadAsync(TestFiles.Utf8(string.Concat(Enumerable.Repeat(text, 40))), "jam", $"train-{Guid.NewGuid():N}"[..14]);
        var second = await knowledge.UploadAsync(TestFiles.Utf8(string.Concat(Enumerable.Repeat("a lamp and a map. ", 40))), "lamp", "training-source");
        var name = $"docs-{Guid.NewGuid():N}"[..20];
        var job = await TrainAsync(new
        {
            name, document_ids = new[] { first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid() },
            epochs = 2, batch_size = 8, learning_rate = 0.02, context_length = 32, hidden_size = 64, embedding_size = 16, seed = 7,
        });
        var report = await PlatformApi.ReadAsync(await _client.GetAsync($"/api/training/jobs/{job}/report"), HttpStatusCode.OK);
        // Both documents' text (about 2,360 characters) less the held-out part.
        Assert.InRange(report.GetProperty("tokens").GetProperty("train").GetInt32(), 1_500, 2_400);
        await AssertWritesOnlyAsync(name, text + "a lamp and a map. \n");

        // A document of another tenant, or none, is refused naming the id.
        var foreign = await new KnowledgeApi(platform.CreateClient(PlatformFixture.KnowledgeOtherApiKey))
            .UploadAsync(TestFiles.Utf8("Other tenant text."), "theirs", "training-source");
        await RefusedAsync(new { name = "x-docs", document_ids = new[] { first.GetProperty("id").GetGuid(), foreign.GetProperty("id").GetGuid() },
            epochs = 1, batch_size = 8, learning_rate = 0.02 }, "document_ids[1]");
    }

    [Fact]
    public async Task A_job_trains_on_a_dataset_and_its_model_writes_only_the_datasets_characters()
    {
        await Api.ReadyAsync();
        var dataset = await PlatformApi.ReadAsync(await _client.PostAsJsonAsync("/api/datasets", new
        {
            name = $"train-{Guid.NewGuid():N}"[..14],
            items = Enumerable.Range(0, 60).Select(i => new { question = "is kiki sick", answers = new[] { i % 2 == 0 ? "kiki is sick" : "kiki is ok" } }),
        }), HttpStatusCode.Created);
        var name = $"set-{Guid.NewGuid():N}"[..20];
        var job = await TrainAsync(new
        {
            name, dataset_id = dataset.GetProperty("id").GetString(),
            epochs = 2, batch_size = 8, learning_rate = 0.02, context_length = 32, hidden_size = 64, embedding_size = 16, seed = 7,
        });
        var report = await PlatformApi.ReadAsync(await _client.GetAsync($"/api/training/jobs/{job}/report"), HttpStatusCode.OK);
        Assert.True(report.GetProperty("tokens").GetProperty("train").GetInt32() > 1_000);
        await AssertWritesOnlyAsync(name, "is kiki sick ok\n");

        await RefusedAsync(new { name = "x-set", dataset_id = Guid.NewGuid().ToString(), epochs = 1, batch_size = 8, learning_rate = 0.02 }, "dataset_id");
    }

    private async Task<Guid> TrainAsync(object body)
    {
        var id = (await Api.CreateAsync(body)).GetProperty("id").GetGuid();
        var job = await Api.WaitForEndAsync(id, TimeSpan.FromSeconds(120));
        Assert.Equal("completed", job.GetProperty("status").GetString());
        return id;
    }

    private async Task AssertWritesOnlyAsync(string model, string alphabet)
    {
        for (var seed = 1; seed <= 3; seed++)
        {
            var completion = await PlatformApi.ReadAsync(await _client.PostAsJsonAsync("/v1/chat/completions", new
            {
                model = $"local/{model}", messages = new[] { new { role = "user", content = "a" } }, max_tokens = 40, seed,
            }), HttpStatusCode.OK);
            var content = completion.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
            Assert.False(string.IsNullOrEmpty(content));
            Assert.All(content!, c => Assert.Contains(c, alphabet));
        }
    }

    private async Task RefusedAsync(object body, string field)
    {
        using var response = await _client.PostAsJsonAsync("/api/training/jobs", body);
        await PlatformApi.ExpectProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
    }
}
