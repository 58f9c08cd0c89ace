using System.Net;
using System.Net.Http.Json;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>A tenant's data in the newer services, created through the gateway with the client's key.</summary>
public static class TenantSeed
{
    /// <summary>A two-question dataset and a finished naive evaluation of it with the local engine.</summary>
    public static async Task<(Guid DatasetId, Guid EvaluationId)> DatasetAndEvaluationAsync(HttpClient client, string label)
    {
        using var created = await client.PostAsJsonAsync("/api/datasets", new
        {
            name = $"seed {label}",
            items = new object[]
            {
                new { id = "fr", question = "Capital of France?", answers = new[] { "Paris" } },
                new { id = "jp", question = "Capital of Japan?", answers = new[] { "Tokyo" } },
            },
        });
        var datasetId = (await PlatformApi.ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var started = await client.PostAsJsonAsync("/api/evaluations", new
        {
            name = $"seed {label}", dataset_id = datasetId, provider = "local", methods = new[] { new { method = "naive" } },
            parameters = new { temperature = 0, max_tokens = 16 },
        });
        var evaluationId = (await PlatformApi.ReadAsync(started, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var api = new PlatformApi(client);
        await EventuallyAsync(async () => (await api.GetAsync($"/api/evaluations/{evaluationId}/status")).GetProperty("status").GetString() is "completed",
            $"evaluation {evaluationId} completes", TimeSpan.FromMinutes(2));
        return (datasetId, evaluationId);
    }

    /// <summary>One small text document holding <paramref name="marker"/>, chunked, embedded and indexed.</summary>
    public static async Task<Guid> DocumentAsync(HttpClient client, string label, string marker)
    {
        var document = await new Knowledge.KnowledgeApi(client).UploadAsync(System.Text.Encoding.UTF8.GetBytes(
            $"Notes for {label}. The {marker} nests in tall reeds beside slow rivers and sings at dawn."), $"seed-{label}.txt", "seed");
        return document.GetProperty("id").GetGuid();
    }

    /// <summary>A one-epoch training job run to completion, which leaves a trained model.</summary>
    public static async Task<Guid> TrainingJobAsync(HttpClient client, string label)
    {
        var training = new Training.TrainingApi(client);
        await training.ReadyAsync();
        var job = await training.CreateAsync(Training.TrainingApi.Job($"{label}-{Guid.NewGuid():N}"[..20], epochs: 1));
        var jobId = job.GetProperty("id").GetGuid();
        Assert.Equal("completed", (await training.WaitForEndAsync(jobId, TimeSpan.FromMinutes(3))).GetProperty("status").GetString());
        return jobId;
    }

    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not reached in time: {what}");
            await Task.Delay(250);
        }
    }
}
