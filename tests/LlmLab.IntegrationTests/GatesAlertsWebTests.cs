using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;
using LlmLab.TestKit;

namespace LlmLab.IntegrationTests;

/// <summary>
/// Gates, alerts, webhooks and the live event stream in real headless Chromium (web/e2e/gates-alerts.mjs): a webhook
/// created in the form, a gate set in the experiment's editor (field errors, the server's problem+json at its field),
/// the grid run on the built-in engine, the failed-gate alert arriving live in the inbox with a toast and the open
/// count, acknowledged from the keyboard and resolved, the run's gate result check by check, the webhook's delivery log,
/// the feedback page; axe-core and the 390 px check on every page. Meanwhile a client without the key header reads
/// GET /api/events/stream with a tenant-stream token (?access_token=) and must hear the run start and finish, its gate
/// and its alert; the receiver must get the alert signed.
/// </summary>
[Collection(PlatformCollection.Name)]
public class GatesAlertsWebTests(PlatformFixture platform)
{
    private static readonly string[] Screenshots =
    [
        "experiment-gate", "alerts", "run-gate", "webhooks", "feedback",
        "alerts-390px", "webhooks-390px", "feedback-390px", "experiment-gate-390px", "run-gate-390px",
    ];

    /// <summary>Lines gates-alerts.mjs prints only when its check passed (it exits non-zero on the first failure).</summary>
    private static readonly string[] Checks =
    [
        "webhooks: field errors before sending, nothing sent", "webhooks: created for alert.gate; the secret is not shown back",
        "gate editor: a client-side field error, then the server's problem+json at its field",
        "gate editor: overall_score ≥ 101 and latency_p95_ms ≤ 600000 saved", "inbox: the failed-gate alert arrived live",
        "navigation: open alerts counted", "inbox: acknowledged from the keyboard, then resolved",
        "run page: gate failed, each check with its actual value and reason", "webhooks: delivery log shows alert.gate delivered",
        "feedback: agreement table and calibration answered", "390 px: no gates, alerts, webhooks or feedback page scrolls sideways",
        "axe: 0 serious or critical violations on every page", "no page errors",
    ];

    [Fact]
    public async Task A_failed_gate_is_shown_on_the_run_and_its_alert_arrives_live_is_acknowledged_and_delivered_to_a_webhook()
    {
        var web = Path.Combine(AppHostProcess.RepoRoot, "web");
        Assert.True(File.Exists(Path.Combine(web, "dist", "index.html")), "web/dist is missing: build it with `bash scripts/web.sh build` (scripts/test.sh does).");
        var api = new PlatformApi(platform.CreateClient());
        await PlatformReadiness.WaitUntilHealthyAsync(api.Client, TimeSpan.FromMinutes(5));
        var secret = $"whsec-{Guid.NewGuid():N}";
        await using var receiver = await WebhookReceiver.StartAsync(secret);
        var experiment = await CreateExperimentAsync(api.Client, new
        {
            name = $"gates-web-{Guid.NewGuid():N}"[..24], prompt = "Explain how rain forms in clouds.", provider = "local",
            temperature_min = 0.5, temperature_max = 0.9, temperature_step = 0.4, top_p_min = 1.0, top_p_max = 1.0, top_p_step = 0.25,
            max_tokens = 12, response_count = 1,
        });

        // The tenant's live stream, opened the way a browser's EventSource would: no key header, a short-lived token in the URL.
        var token = await PlatformApi.ReadAsync(await api.Client.PostAsync("/api/events/stream-token", null), HttpStatusCode.OK);
        Assert.DoesNotContain(PlatformFixture.ApiKey, token.ToString(), StringComparison.Ordinal);
        using var browserLike = platform.CreateClient(apiKey: null);
        browserLike.Timeout = Timeout.InfiniteTimeSpan;
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        var (reader, events) = await ListenAsync(browserLike, token.GetProperty("events_url").GetString()!, stop.Token);
        // The same token opens the alerts stream but nothing else.
        using (var alerts = await browserLike.GetAsync(token.GetProperty("alerts_url").GetString(), HttpCompletionOption.ResponseHeadersRead))
            Assert.Equal(HttpStatusCode.OK, alerts.StatusCode);
        using (var elsewhere = await browserLike.GetAsync($"/api/alerts?access_token={Uri.EscapeDataString(token.GetProperty("token").GetString()!)}"))
            Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);

        var output = BrowserScript.OutputFolder("gates-alerts");
        var log = await BrowserScript.RunAsync(["e2e/gates-alerts.mjs", platform.GatewayUrl, PlatformFixture.ApiKey, output, experiment.ToString(), receiver.Url, secret],
            TimeSpan.FromMinutes(10));

        Assert.All(Checks, line => Assert.Contains(line, log, StringComparison.Ordinal));
        Assert.DoesNotContain("serious or critical violations —", log, StringComparison.Ordinal);
        BrowserScript.AssertScreenshots(output, Screenshots);
        // The script prints "gates-e2e: run <id>" once (other lines, like "run page: …", start the same way).
        var run = log.Split('\n').Select(l => l.StartsWith("gates-e2e: run ", StringComparison.Ordinal) && Guid.TryParse(l["gates-e2e: run ".Length..].Trim(), out var id) ? id : (Guid?)null)
            .Single(id => id is not null)!.Value.ToString();

        // The token-opened stream heard the run start and finish, its failed gate and its alert, named and tenant-scoped.
        bool Heard(string name, Func<JsonElement, bool> match) => events.Any(e => e.Name == name && match(e.Data));
        Assert.True(Heard("run.started", d => d.GetProperty("run_id").GetString() == run), Names(events));
        Assert.True(Heard("run.finished", d => d.GetProperty("run_id").GetString() == run && d.GetProperty("experiment_id").GetString() == experiment.ToString()), Names(events));
        Assert.True(Heard("gate.evaluated", d => d.GetProperty("run_id").GetString() == run && !d.GetProperty("passed").GetBoolean()), Names(events));
        Assert.True(Heard("alert", d => d.GetProperty("run_id").GetString() == run && d.GetProperty("kind").GetString() == "gate"), Names(events));
        Assert.True(Heard("alert", d => d.GetProperty("run_id").GetString() == run && d.GetProperty("status").GetString() == "resolved"), Names(events));
        await stop.CancelAsync();
        await reader;

        // The receiver got the alert signed with the webhook's secret.
        var posts = receiver.Requests.Where(r => r.Event == "alert.gate" && r.Body.Contains(run, StringComparison.Ordinal)).ToList();
        Assert.Contains(posts, r => r.AnsweredStatus == 200);
        Assert.All(posts, r => Assert.True(r.SignatureValid, "a delivery was not signed with the webhook's secret"));
    }

    /// <summary>Creates the experiment, asking again while a service it needs is still starting (503 names it).</summary>
    private static async Task<Guid> CreateExperimentAsync(HttpClient client, object body)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            using var response = await client.PostAsJsonAsync("/api/experiments", body);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
                return (await PlatformApi.ReadAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
            await Task.Delay(2000);
        }
    }

    private static string Names(IEnumerable<(string Name, JsonElement Data)> events) => "heard: " + string.Join(", ", events.Select(e => e.Name));

    /// <summary>Reads an SSE stream in the background, keeping every named event.</summary>
    private static async Task<(Task Reader, ConcurrentQueue<(string Name, JsonElement Data)> Events)> ListenAsync(HttpClient client, string url, CancellationToken ct)
    {
        var events = new ConcurrentQueue<(string, JsonElement)>();
        var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
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
                    if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
                    else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null) events.Enqueue((name, JsonDocument.Parse(line[6..]).RootElement.Clone()));
                }
            }
            catch (OperationCanceledException)
            {
                // The test is done listening.
            }
        }, ct);
        return (reader, events);
    }
}
