using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests.Training;

/// <summary>Training jobs through the gateway: create, wait, read the SSE progress stream.</summary>
public sealed class TrainingApi(HttpClient client)
{
    /// <summary>About 3,000 characters of plain English: a 3-epoch job on it takes a few seconds.</summary>
    public static readonly string SmallText = string.Concat(Enumerable.Repeat(
        "The cat sat on the mat and the dog slept by the door. Rain falls from grey clouds when the air is cold. " +
        "A small boat sails across the quiet lake at dawn. ", 20));

    public static object Job(string name, int epochs = 3, int checkpointEvery = 50, string? text = null) => new
    {
        name,
        texts = new[] { text ?? SmallText },
        epochs,
        batch_size = 8,
        learning_rate = 0.02,
        context_length = 32,
        hidden_size = 64,
        embedding_size = 16,
        checkpoint_every = checkpointEvery,
        seed = 7,
    };

    /// <summary>
    /// Waits until the gateway and the training service answer (on a loaded machine the AppHost may report the
    /// platform before every service is listening); fails the test after four minutes.
    /// </summary>
    public async Task ReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            try
            {
                using var response = await client.GetAsync("/api/training/jobs?page_size=1");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                // not listening yet
            }
            Assert.True(DateTime.UtcNow < deadline, "the training service did not answer within 4 minutes");
            await Task.Delay(1000);
        }
    }

    public async Task<JsonElement> CreateAsync(object body) =>
        await PlatformApi.ReadAsync(await client.PostAsJsonAsync("/api/training/jobs", body), HttpStatusCode.Accepted);

    public async Task<JsonElement> JobAsync(Guid id) =>
        await PlatformApi.ReadAsync(await client.GetAsync($"/api/training/jobs/{id}"), HttpStatusCode.OK);

    public async Task<JsonElement> WaitAsync(Guid id, Func<JsonElement, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            // While a test has killed the training service, the gateway answers 502/503 until it is back.
            using var response = await client.GetAsync($"/api/training/jobs/{id}");
            if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
                continue;
            }
            var job = await PlatformApi.ReadAsync(response, HttpStatusCode.OK);
            if (until(job)) return job;
            Assert.True(DateTime.UtcNow < deadline, $"job {id} did not get there in {timeout.TotalSeconds} s: {job}");
            await Task.Delay(200);
        }
    }

    public Task<JsonElement> WaitForEndAsync(Guid id, TimeSpan timeout) =>
        WaitAsync(id, j => j.GetProperty("status").GetString() is "completed" or "failed" or "cancelled", timeout);

    /// <summary>Every event of the progress stream, read until the server ends it.</summary>
    public async Task<List<(string Event, JsonElement Data)>> ReadProgressAsync(Guid id, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/training/jobs/{id}/progress");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
        var events = new List<(string, JsonElement)>();
        string? name = null;
        while (await reader.ReadLineAsync(cts.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
                events.Add((name, JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone()));
        }
        return events;
    }
}
