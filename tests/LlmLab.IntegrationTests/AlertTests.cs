using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;
using LlmLab.TestKit;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Alerts through the gateway: a quality regression, a failure-rate spike and a missed latency objective raised when runs finish, streamed over SSE,
/// posted to a webhook signed with HMAC-SHA256 and retried after the receiver's 500, logged, acknowledged and resolved.
/// </summary>
[Collection(PlatformCollection.Name)]
public class AlertTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient(PlatformFixture.AlertsApiKey));

    private static object Grid(string name) => new
    {
        name,
        prompt = "Explain how rain forms in clouds and why it falls.",
        provider = FakeProviders.Alerts,
        model = FakeProviders.Model,
        temperature_min = 0.2, temperature_max = 1.0, temperature_step = 0.4,
        top_p_min = 1.0, top_p_max = 1.0, top_p_step = 0.25,
        max_tokens = 80,
        response_count = 3,
    };

    /// <summary>Reads GET /api/alerts/stream in the background, keeping every event's data (events are unnamed).</summary>
    private static async Task<(Task Reader, ConcurrentQueue<JsonElement> Events)> ListenAsync(HttpClient client, CancellationToken ct)
    {
        var events = new ConcurrentQueue<JsonElement>();
        var response = await client.GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = Task.Run(async () =>
        {
            using var _ = response;
            using var lines = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            string? name = null;
            try
            {
                while (await lines.ReadLineAsync(ct) is { } line)
                {
                    // Default events: no event line, so a generic EventSource.onmessage sees them.
                    if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
                    else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is null) events.Enqueue(JsonDocument.Parse(line[6..]).RootElement.Clone());
                }
            }
            catch (OperationCanceledException)
            {
                // The test is done listening.
            }
        }, ct);
        return (reader, events);
    }

    private async Task<JsonElement> WaitForAlertAsync(string kind, Guid runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var alerts = await _api.GetAsync($"/api/alerts?kind={kind}&page_size=500");
            var found = alerts.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("run_id").GetString() == runId.ToString()).ToList();
            if (found.Count > 0) return Assert.Single(found);
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {kind} alert for run {runId} in 90 s: {alerts}");
            await Task.Delay(300);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(what);
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_regression_and_a_failure_spike_are_streamed_and_posted_signed_to_a_webhook_that_is_retried_after_a_500()
    {
        await PlatformReadiness.WaitUntilHealthyAsync(_api.Client, TimeSpan.FromMinutes(5));
        var secret = $"whsec-{Guid.NewGuid():N}";
        await using var receiver = await WebhookReceiver.StartAsync(secret);
        using var created = await _api.Client.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "alert.regression", "alert.failure_rate" }, secret });
        var webhook = await PlatformApi.ReadAsync(created, HttpStatusCode.Created);
        Assert.DoesNotContain(secret, webhook.ToString(), StringComparison.Ordinal);
        Assert.False(webhook.TryGetProperty("secret", out _));
        var webhookId = webhook.GetProperty("id").GetGuid();

        using var streamClient = platform.CreateClient(PlatformFixture.AlertsApiKey);
        streamClient.Timeout = Timeout.InfiniteTimeSpan;
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var (reader, streamed) = await ListenAsync(streamClient, stop.Token);

        var provider = platform.FakeOpenAi.Scenario(FakeProviders.Alerts);
        provider.FailWithStatus = 0;
        provider.Content = "Rain forms when water vapour in rising air cools and condenses into tiny droplets around dust. The droplets collide " +
            "and merge inside the cloud until they grow too heavy for the updraft to hold, and then they fall to the ground as rain.";
        var experiment = await _api.CreateExperimentAsync(Grid($"alerts-{Guid.NewGuid():N}"));
        var baseline = await _api.GenerateAsync(experiment);
        Assert.Equal("completed", (await _api.WaitForRunAsync(baseline, TimeSpan.FromMinutes(2))).GetProperty("status").GetString());

        // The same nine items answered far worse: every paired item drops, a significant regression.
        provider.Content = "No.";
        var worse = await _api.GenerateAsync(experiment);
        await _api.WaitForRunAsync(worse, TimeSpan.FromMinutes(2));
        var regression = await WaitForAlertAsync("regression", worse);
        Assert.Equal("open", regression.GetProperty("status").GetString());
        Assert.True(regression.GetProperty("value").GetDouble() < 0, regression.ToString());
        Assert.Contains("significant regression", regression.GetProperty("message").GetString());

        // Answers slower than the latency objective (before the failing run, whose failures open the provider's circuit):
        // a latency alert naming the run's p95 and the objective, streamed; the same answers as before, so no regression.
        provider.Latency = TimeSpan.FromMilliseconds(PlatformFixture.AlertsLatencyObjectiveMs + 1_000);
        var slow = await _api.GenerateAsync(experiment);
        await _api.WaitForRunAsync(slow, TimeSpan.FromMinutes(3));
        provider.Latency = TimeSpan.Zero;
        var latency = await WaitForAlertAsync("latency", slow);
        Assert.True(latency.GetProperty("value").GetDouble() > PlatformFixture.AlertsLatencyObjectiveMs, latency.ToString());
        Assert.Equal(PlatformFixture.AlertsLatencyObjectiveMs, latency.GetProperty("threshold").GetDouble());
        Assert.Contains("Latency objective missed", latency.GetProperty("message").GetString());
        Assert.DoesNotContain((await _api.GetAsync("/api/alerts?kind=latency&page_size=500")).GetProperty("items").EnumerateArray(),
            a => a.GetProperty("run_id").GetString() == baseline.ToString());

        // Every call of the next run fails: a failure-rate spike against the previous run's 0 %.
        provider.FailWithStatus = 500;
        var failing = await _api.GenerateAsync(experiment);
        await _api.WaitForRunAsync(failing, TimeSpan.FromMinutes(3));
        provider.FailWithStatus = 0;
        var spike = await WaitForAlertAsync("failure_rate", failing);
        Assert.Equal(1.0, spike.GetProperty("value").GetDouble());

        // All three were streamed.
        await WaitUntilAsync(() => streamed.Any(e => e.GetProperty("id").GetString() == spike.GetProperty("id").GetString()), "the spike was not streamed");
        Assert.Contains(streamed, e => e.GetProperty("id").GetString() == latency.GetProperty("id").GetString());
        Assert.Contains(streamed, e => e.GetProperty("id").GetString() == regression.GetProperty("id").GetString());

        // Both were posted, signed; the receiver answered 500 to each first attempt, and the relay retried.
        await WaitUntilAsync(() => receiver.Requests.Count(r => r.AnsweredStatus == 200) >= 2, "the webhook deliveries were not retried to success");
        var requests = receiver.Requests.ToList();
        Assert.All(requests, r => Assert.True(r.SignatureValid, $"bad signature on {r.Event}"));
        var regressionPosts = requests.Where(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString() == regression.GetProperty("id").GetString()).ToList();
        Assert.Equal(new[] { 500, 200 }, regressionPosts.Select(r => r.AnsweredStatus));
        Assert.Single(regressionPosts.Select(r => r.DeliveryId).Distinct());
        Assert.All(regressionPosts, r => Assert.Equal("alert.regression", r.Event));
        Assert.False(WebhookReceiver.Verify("another-secret-of-enough-length", "t=1,v1=00", regressionPosts[0].Body));

        var log = await _api.GetAsync($"/api/webhooks/{webhookId}/deliveries");
        Assert.Equal(2, log.GetProperty("total").GetInt32());
        Assert.All(log.GetProperty("items").EnumerateArray(), d =>
        {
            Assert.Equal("delivered", d.GetProperty("status").GetString());
            Assert.Equal(2, d.GetProperty("attempts").GetInt32());
            Assert.Equal(new[] { 500, 200 }, d.GetProperty("log").EnumerateArray().Select(a => a.GetProperty("status_code").GetInt32()));
        });

        // People acknowledge, then resolve; a second acknowledgement is refused; the stream carries the change.
        var id = regression.GetProperty("id").GetGuid();
        var acked = await PlatformApi.ReadAsync(await _api.Client.PostAsync($"/api/alerts/{id}/ack", null), HttpStatusCode.OK);
        Assert.Equal("acknowledged", acked.GetProperty("status").GetString());
        await PlatformApi.ReadAsync(await _api.Client.PostAsync($"/api/alerts/{id}/ack", null), HttpStatusCode.Conflict);
        var resolved = await PlatformApi.ReadAsync(await _api.Client.PostAsync($"/api/alerts/{id}/resolve", null), HttpStatusCode.OK);
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        await WaitUntilAsync(() => streamed.Any(e => e.GetProperty("id").GetGuid() == id && e.GetProperty("status").GetString() == "resolved"),
            "the resolution was not streamed");
        await stop.CancelAsync();
        await reader;
    }

    [Fact]
    public async Task Bad_webhooks_and_alert_filters_are_refused_naming_the_field()
    {
        await PlatformReadiness.WaitUntilHealthyAsync(_api.Client, TimeSpan.FromMinutes(5));
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/webhooks",
            new { url = "http://169.254.169.254/latest", events = new[] { "alert.regression" }, secret = "0123456789abcdef" }), HttpStatusCode.UnprocessableEntity, "url");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/webhooks",
            new { url = "https://93.184.216.34/hook", events = new[] { "alert.everything" }, secret = "0123456789abcdef" }), HttpStatusCode.UnprocessableEntity, "events[0]");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/webhooks",
            new { url = "https://93.184.216.34/hook", events = new[] { "alert.budget" }, secret = "short" }), HttpStatusCode.UnprocessableEntity, "secret");
        await PlatformApi.ExpectProblemAsync(await _api.Client.GetAsync("/api/alerts?status=sleeping"), HttpStatusCode.BadRequest, "status");
        await PlatformApi.ReadAsync(await _api.Client.PostAsync($"/api/alerts/{Guid.NewGuid()}/ack", null), HttpStatusCode.NotFound);
        await PlatformApi.ExpectProblemAsync(await _api.Client.GetAsync($"/api/webhooks/{Guid.NewGuid()}/deliveries"), HttpStatusCode.NotFound, "id");
    }
}
