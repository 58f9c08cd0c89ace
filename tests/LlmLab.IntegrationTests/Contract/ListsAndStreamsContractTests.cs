using System.Net;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;
using LlmLab.IntegrationTests.Training;

namespace LlmLab.IntegrationTests.Contract;

/// <summary>
/// docs/api-consumers.md's list and stream promises beyond the run progress stream (<see cref="RestTruthTests"/>): the
/// providers list is paginated like every other, and the training progress stream's final status carries an id a
/// reconnect answers 204 to, so EventSource stops instead of reconnecting forever.
/// </summary>
[Collection(PlatformCollection.Name)]
public class ListsAndStreamsContractTests(PlatformFixture platform)
{
    private readonly HttpClient _client = platform.CreateClient();

    [Fact]
    public async Task The_providers_list_is_paginated_with_items_total_page_and_page_size()
    {
        var all = await PlatformApi.ReadAsync(await _client.GetAsync("/api/llm/providers"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Object, all.ValueKind);
        var names = all.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        Assert.Contains("local", names);
        Assert.Equal(names.Count, all.GetProperty("total").GetInt32());
        Assert.Equal((1, 50), (all.GetProperty("page").GetInt32(), all.GetProperty("page_size").GetInt32()));
        Assert.True(names.Count >= 3, $"the test platform configures several providers: {string.Join(", ", names)}");

        var second = await PlatformApi.ReadAsync(await _client.GetAsync("/api/llm/providers?page=2&page_size=2"), HttpStatusCode.OK);
        Assert.Equal(names.Skip(2).Take(2), second.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()!));
        Assert.Equal(names.Count, second.GetProperty("total").GetInt32());

        await PlatformApi.ExpectProblemAsync(await _client.GetAsync("/api/llm/providers?page_size=0"), HttpStatusCode.BadRequest, "page_size");
        await PlatformApi.ExpectProblemAsync(await _client.GetAsync("/api/llm/providers?page=0"), HttpStatusCode.BadRequest, "page");
    }

    [Fact]
    public async Task A_reconnect_to_a_finished_training_job_s_stream_after_its_final_status_is_204()
    {
        var api = new TrainingApi(_client);
        await api.ReadyAsync();
        var id = (await api.CreateAsync(TrainingApi.Job($"sse-{Guid.NewGuid():N}"[..20], epochs: 1))).GetProperty("id").GetGuid();
        await api.WaitForEndAsync(id, TimeSpan.FromMinutes(2));
        var total = (await api.JobAsync(id)).GetProperty("total_steps").GetInt32();

        var (status, blocks) = await ReadAsync($"/api/training/jobs/{id}/progress", lastEventId: null);
        Assert.Equal(HttpStatusCode.OK, status);
        // Named events, each documented: step (id = the step), holdout, and status, the final one with id last step + 1.
        Assert.All(blocks, b => Assert.Contains(b.Event, new[] { "step", "holdout", "status" }));
        Assert.Equal(Enumerable.Range(1, total).Select(s => s.ToString()), blocks.Where(b => b.Event == "step").Select(b => b.Id));
        var final = blocks[^1];
        Assert.Equal("status", final.Event);
        Assert.Equal("completed", JsonDocument.Parse(final.Data).RootElement.GetProperty("status").GetString());
        Assert.Equal((total + 1).ToString(), final.Id);

        var (again, rest) = await ReadAsync($"/api/training/jobs/{id}/progress", lastEventId: final.Id);
        Assert.Equal(HttpStatusCode.NoContent, again);
        Assert.Empty(rest);

        // A client that lost the connection after the last step but before the final status still gets the status.
        var (missed, replay) = await ReadAsync($"/api/training/jobs/{id}/progress", lastEventId: total.ToString());
        Assert.Equal(HttpStatusCode.OK, missed);
        Assert.DoesNotContain(replay, b => b.Event == "step");
        Assert.Equal(("status", (total + 1).ToString()), (replay[^1].Event, replay[^1].Id));
    }

    private async Task<(HttpStatusCode Status, List<(string? Event, string? Id, string Data)> Blocks)> ReadAsync(string path, string? lastEventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var text = await response.Content.ReadAsStringAsync();
        var blocks = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Where(lines => lines.Any(l => l.StartsWith("data: ", StringComparison.Ordinal)))
            .Select(lines => (Field(lines, "event"), Field(lines, "id"), Field(lines, "data")!))
            .ToList();
        return (response.StatusCode, blocks);
    }

    private static string? Field(string[] lines, string name) =>
        lines.FirstOrDefault(l => l.StartsWith(name + ": ", StringComparison.Ordinal))?[(name.Length + 2)..];
}
