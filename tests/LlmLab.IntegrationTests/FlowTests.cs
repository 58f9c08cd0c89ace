using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class FlowTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task A_3_by_3_grid_with_two_repetitions_yields_18_scored_responses_and_a_completed_run()
    {
        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("flow"));
        var runId = await _api.GenerateAsync(experimentId);

        var status = await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(100, status.GetProperty("progress").GetDouble());
        Assert.Equal(18, status.GetProperty("completed_combinations").GetInt32());
        Assert.Equal(0, status.GetProperty("failed_combinations").GetInt32());
        Assert.True(status.GetProperty("results_preview").GetProperty("best_quality_score").GetDouble() > 0);

        var page = await _api.ResponsesAsync(experimentId, runId);
        Assert.Equal(18, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(18, items.Count);
        Assert.Equal([0.2, 0.6, 1.0], items.Select(i => i.GetProperty("temperature").GetDouble()).Distinct().Order());
        Assert.Equal([0.5, 0.75, 1.0], items.Select(i => i.GetProperty("top_p").GetDouble()).Distinct().Order());
        Assert.Equal(18, items.Select(i => i.GetProperty("seed").GetInt64()).Distinct().Count());
        Assert.All(items, item =>
        {
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("content").GetString()));
            Assert.Equal("local", item.GetProperty("provider").GetString());
            Assert.InRange(item.GetProperty("completion_tokens").GetInt32(), 1, 60);
            var metrics = item.GetProperty("metrics");
            Assert.True(metrics.GetProperty("word_count").GetInt32() > 0);
            Assert.InRange(metrics.GetProperty("readability_score").GetDouble(), 0, 100);
            Assert.InRange(metrics.GetProperty("length_appropriateness_score").GetDouble(), 0, 100);
        });
        // Repetitions with their own seeds differ: sampling is real.
        Assert.True(items.Select(i => i.GetProperty("content").GetString()).Distinct().Count() > 9);

        var one = items[0].GetProperty("id").GetGuid();
        var metricsOfOne = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/metrics/{one}"), System.Net.HttpStatusCode.OK);
        Assert.Equal(items[0].GetProperty("metrics").GetProperty("overall_score").GetDouble(), metricsOfOne.GetProperty("overall_score").GetDouble());
    }

    [Fact]
    public async Task Analytics_receives_every_scored_response_of_a_run()
    {
        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("analytics"));
        var runId = await _api.GenerateAsync(experimentId);
        await _api.WaitForRunAsync(runId, TimeSpan.FromMinutes(2));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement breakdown;
        do
        {
            breakdown = await PlatformApi.ReadAsync(await _api.Client.GetAsync($"/api/analytics/quality/breakdown?run_id={runId}"), System.Net.HttpStatusCode.OK);
            if (breakdown.GetProperty("sample_size").GetInt32() == 18) break;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(18, breakdown.GetProperty("sample_size").GetInt32());
        Assert.Equal(18, breakdown.GetProperty("metrics").GetProperty("overall_score").GetProperty("count").GetInt32());

        var models = await PlatformApi.ReadAsync(await _api.Client.GetAsync("/api/analytics/models/comparison"), System.Net.HttpStatusCode.OK);
        var local = models.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("provider").GetString() == "local" && m.GetProperty("model").GetString() == "local-ngram");
        Assert.True(local.GetProperty("responses").GetInt32() >= 18);
        Assert.True(local.GetProperty("latency_p50_ms").GetDouble() <= local.GetProperty("latency_p95_ms").GetDouble());
        Assert.True(local.GetProperty("latency_p95_ms").GetDouble() <= local.GetProperty("latency_p99_ms").GetDouble());
        Assert.InRange(local.GetProperty("mean_overall_score").GetDouble(), 0, 100);
    }

    [Fact]
    public async Task Progress_stream_sends_server_sent_events_up_to_the_final_status_and_resumes_after_the_last_event_id()
    {
        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("sse"));
        var runId = await _api.GenerateAsync(experimentId);

        var events = await ReadEventsAsync(runId, lastEventId: null);
        Assert.NotEmpty(events);
        var last = events[^1];
        Assert.Equal("completed", last.Data.GetProperty("status").GetString());
        Assert.Equal(100, last.Data.GetProperty("progress").GetDouble());
        Assert.Equal(19, last.Id);
        Assert.Equal(events.Select(e => e.Id).Order(), events.Select(e => e.Id));

        // A client that already saw the final event gets nothing more; one that saw event 5 gets only later ones.
        Assert.Empty(await ReadEventsAsync(runId, lastEventId: 19));
        var resumed = await ReadEventsAsync(runId, lastEventId: 5);
        Assert.Single(resumed);
        Assert.Equal(19, resumed[0].Id);
    }

    [Fact]
    public async Task Forty_streams_on_one_run_each_end_with_the_same_final_event()
    {
        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("sse-shared"));
        var runId = await _api.GenerateAsync(experimentId);

        // Streams opened together share the batch service's one poller for the run; each must still see every change it
        // is owed in order and end on the final status, and a stream opened after the end gets the final event too.
        var streams = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => ReadEventsAsync(runId, lastEventId: null)));
        var late = await ReadEventsAsync(runId, lastEventId: null);
        foreach (var events in streams.Append(late))
        {
            Assert.Equal(19, events[^1].Id);
            Assert.Equal("completed", events[^1].Data.GetProperty("status").GetString());
            Assert.Equal(events.Select(e => e.Id).Order(), events.Select(e => e.Id));
            Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        }
        Assert.Single(streams.Append(late).Select(e => e[^1].Data.GetRawText()).Distinct());
    }

    [Fact]
    public async Task The_experiment_progress_stream_follows_its_latest_run()
    {
        var experimentId = await _api.CreateExperimentAsync(PlatformApi.Grid3x3("experiment-sse"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await _api.Client.GetAsync($"/api/experiments/{experimentId}/progress")).StatusCode);
        await _api.GenerateAsync(experimentId);
        var latest = await _api.GenerateAsync(experimentId);

        var events = await ReadEventsAsync(latest, lastEventId: null, path: $"/api/experiments/{experimentId}/progress");
        Assert.Equal(latest, events[^1].Data.GetProperty("id").GetGuid());
        Assert.Equal("completed", events[^1].Data.GetProperty("status").GetString());
    }

    private async Task<List<(long Id, JsonElement Data)>> ReadEventsAsync(Guid runId, long? lastEventId, string? path = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path ?? $"/api/experiments/batch/{runId}/progress");
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId.ToString());
        using var response = await _api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        // 204: a reconnect after the final event, which tells EventSource to stop.
        if (response.StatusCode == System.Net.HttpStatusCode.NoContent) return [];
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var events = new List<(long, JsonElement)>();
        long id = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal)) id = long.Parse(line[4..]);
            if (line.StartsWith("data: ", StringComparison.Ordinal)) events.Add((id, JsonDocument.Parse(line[6..]).RootElement.Clone()));
        }
        return events;
    }
}
