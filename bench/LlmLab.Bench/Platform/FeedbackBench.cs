using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.TestKit;

namespace LlmLab.Bench.Platform;

/// <summary>
/// The feedback loop's figures (issue 14), through the gateway of a platform it starts:
/// 1. calibration: a generated reviewer scores a run's responses by a hidden rule the default overall score does not
///    follow; the bench prints each metric's agreement with the reviewer, then the overall score's agreement before and
///    after calibration (cross-validated), each with its 95% CI and n;
/// 2. webhooks: latency alerts posted to a receiver that is healthy, then one that answers 500 to the first attempt and
///    one that answers 500 to the first two; per receiver the delivery latency (alert recorded → delivered) p50/p95 and
///    the attempts, from the platform's delivery log.
/// </summary>
public static class FeedbackBench
{
    /// <summary>Webhooks may reach the bench's receiver on loopback; every run misses a 1 ms latency objective, so each raises one alert.</summary>
    public static IReadOnlyList<string> ServiceEnvironment { get; } = ["Webhooks__Outbound__AllowedNetworks__0=127.0.0.1/32", "Alerts__LatencyP95Ms=1"];

    private const int Seed = 20261129;
    private const int AlertsPerReceiver = 20;

    public static async Task RunAsync(RunningPlatform platform)
    {
        await CalibrationAsync(platform.Client);
        Console.WriteLine();
        Console.WriteLine("| receiver | deliveries | attempts per delivery | delivery latency p50 | p95 | max |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (label, failFirst) in new[] { ("healthy", 0), ("500 on the 1st attempt", 1), ("500 on the 1st and 2nd attempts", 2) })
        {
            await WebhooksAsync(platform.Client, label, failFirst);
        }
        Console.WriteLine("(retry delays: Webhooks:RetryDelaysSeconds, default 1, 5, 30, 120, 600, 1800 s; the relay polls every 500 ms)");
    }

    // ---- Calibration ----

    private static async Task CalibrationAsync(HttpClient client)
    {
        var experiment = await CreateExperimentAsync(client, "bench-calibration", temperatureStep: 0.1, responseCount: 3);
        var run = await GenerateAsync(client, experiment);
        await WaitForRunAsync(client, run);
        var responses = await ScoredResponsesAsync(client, experiment, run);

        // The hidden rule: this reviewer values specific, readable answers and ignores everything else; a little noise,
        // then scores 1–5 by quintile of the latent value, as people spread their scores.
        var random = new Random(Seed);
        var latent = responses.Select(r => (r.Id, Value: 0.6 * r.Metrics["specificity_score"] + 0.4 * r.Metrics["readability_score"] + random.NextDouble() * 8))
            .OrderBy(r => r.Value).ToList();
        for (var i = 0; i < latent.Count; i++)
        {
            var score = 1 + 5 * i / latent.Count;
            using var given = await client.PostAsJsonAsync($"/api/responses/{latent[i].Id}/feedback", new { score });
            if (!given.IsSuccessStatusCode) throw new InvalidOperationException($"Feedback refused: {await given.Content.ReadAsStringAsync()}");
        }

        var agreement = await client.GetFromJsonAsync<JsonElement>($"/api/feedback/agreement?run_id={run}");
        Console.WriteLine($"Calibration: {agreement.GetProperty("responses_with_feedback").GetInt32()} responses of the built-in engine scored 1–5 by a generated " +
                          "reviewer (0.6 × specificity + 0.4 × readability + noise, by quintile).");
        Console.WriteLine();
        Console.WriteLine("| metric | Spearman with the reviewer | 95% CI | n |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var metric in agreement.GetProperty("metrics").EnumerateArray()) Console.WriteLine(Row(metric));

        using var calibrate = await client.PostAsJsonAsync("/api/feedback/calibrate", new { name = $"bench-{Seed}", run_id = run, folds = 5 });
        var calibrated = await calibrate.Content.ReadFromJsonAsync<JsonElement>();
        if (!calibrate.IsSuccessStatusCode) throw new InvalidOperationException($"Calibration refused: {calibrated}");
        Console.WriteLine();
        Console.WriteLine("| overall score | Spearman with the reviewer | 95% CI | n |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(Row(calibrated.GetProperty("before"), "before calibration (default weights)"));
        Console.WriteLine(Row(calibrated.GetProperty("after_cross_validated"), $"after, cross-validated ({calibrated.GetProperty("folds").GetInt32()} folds)"));
        Console.WriteLine(Row(calibrated.GetProperty("after_in_sample"), "after, in sample"));
        var weights = calibrated.GetProperty("weights").EnumerateObject().OrderByDescending(w => w.Value.GetDouble()).Take(3)
            .Select(w => $"{w.Name} {w.Value.GetDouble():0.00}");
        Console.WriteLine($"Fitted weights, largest first: {string.Join(", ", weights)}");
    }

    private static string Row(JsonElement agreement, string? label = null)
    {
        var ci = agreement.TryGetProperty("ci95", out var c) && c.ValueKind == JsonValueKind.Array ? $"[{c[0].GetDouble():0.00}, {c[1].GetDouble():0.00}]" : "–";
        var rho = agreement.GetProperty("spearman") is { ValueKind: JsonValueKind.Number } r ? r.GetDouble().ToString("0.00") : "–";
        return $"| {label ?? agreement.GetProperty("metric").GetString()} | {rho} | {ci} | {agreement.GetProperty("n").GetInt32()} |";
    }

    // ---- Webhooks ----

    private static async Task WebhooksAsync(HttpClient client, string label, int failFirst)
    {
        var secret = $"bench-secret-{Guid.NewGuid():N}";
        await using var receiver = await WebhookReceiver.StartAsync(secret, failFirst);
        using var created = await client.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url, events = new[] { "alert.latency" }, secret });
        var webhook = await created.Content.ReadFromJsonAsync<JsonElement>();
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"Webhook refused: {webhook}");
        var id = webhook.GetProperty("id").GetGuid();

        // One alert per run: a one-call experiment each, four runs at a time.
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(Enumerable.Range(0, AlertsPerReceiver).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var experiment = await CreateExperimentAsync(client, $"bench-webhook-{failFirst}-{i}", temperatureStep: 0, responseCount: 1);
                await WaitForRunAsync(client, await GenerateAsync(client, experiment));
            }
            finally
            {
                gate.Release();
            }
        }));

        var deadline = DateTime.UtcNow.AddMinutes(3);
        List<JsonElement> delivered;
        while (true)
        {
            var log = await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/{id}/deliveries?page_size=100");
            delivered = log.GetProperty("items").EnumerateArray().Where(d => d.GetProperty("status").GetString() == "delivered").ToList();
            if (delivered.Count >= AlertsPerReceiver || DateTime.UtcNow > deadline) break;
            await Task.Delay(1000);
        }
        await client.DeleteAsync($"/api/webhooks/{id}");
        var latencies = delivered.Select(d => (d.GetProperty("delivered_at").GetDateTimeOffset() - d.GetProperty("created_at").GetDateTimeOffset()).TotalMilliseconds)
            .Order().ToList();
        var attempts = delivered.Select(d => d.GetProperty("attempts").GetInt32()).Distinct().Order();
        var signed = receiver.Requests.All(r => r.SignatureValid);
        Console.WriteLine($"| {label} | {delivered.Count} of {AlertsPerReceiver}{(signed ? "" : " (a signature did not verify)")} | {string.Join(", ", attempts)} | " +
                          $"{Percentile(latencies, 0.5):0} ms | {Percentile(latencies, 0.95):0} ms | {latencies.LastOrDefault():0} ms |");
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    // ---- Runs ----

    private static async Task<Guid> CreateExperimentAsync(HttpClient client, string name, double temperatureStep, int responseCount)
    {
        using var response = await client.PostAsJsonAsync("/api/experiments", new
        {
            name = $"{name}-{Guid.NewGuid():N}"[..Math.Min(60, name.Length + 33)],
            prompt = "Explain how rain forms in clouds and why it falls.",
            provider = "local",
            temperature_min = 0.1, temperature_max = temperatureStep > 0 ? 1.5 : 0.1, temperature_step = temperatureStep > 0 ? temperatureStep : 0.1,
            top_p_min = temperatureStep > 0 ? 0.6 : 1.0, top_p_max = 1.0, top_p_step = 0.2,
            max_tokens = 80,
            response_count = responseCount,
        });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Creating the experiment failed: {json}");
        return json.GetProperty("id").GetGuid();
    }

    private static async Task<Guid> GenerateAsync(HttpClient client, Guid experiment)
    {
        using var response = await client.PostAsJsonAsync("/api/responses/generate", new { experiment_id = experiment });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Generating failed: {json}");
        return json.GetProperty("run_id").GetGuid();
    }

    private static async Task WaitForRunAsync(HttpClient client, Guid run)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            var status = await client.GetFromJsonAsync<JsonElement>($"/api/experiments/batch/{run}/status");
            if (status.GetProperty("status").GetString() is "completed" or "completed_with_errors" or "failed" or "cancelled") return;
            await Task.Delay(500);
        }
        throw new TimeoutException($"Run {run} did not finish in 5 minutes.");
    }

    /// <summary>The run's responses with their metrics, once all of them have reached analytics (feedback needs them there).</summary>
    private static async Task<List<(Guid Id, Dictionary<string, double> Metrics)>> ScoredResponsesAsync(HttpClient client, Guid experiment, Guid run)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/responses/{experiment}?run_id={run}&page_size=500");
        var responses = page.GetProperty("items").EnumerateArray()
            .Where(r => r.GetProperty("metrics").ValueKind == JsonValueKind.Object)
            .Select(r => (r.GetProperty("id").GetGuid(), r.GetProperty("metrics").EnumerateObject()
                .Where(m => m.Value.ValueKind == JsonValueKind.Number).ToDictionary(m => m.Name, m => m.Value.GetDouble())))
            .ToList();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await client.GetFromJsonAsync<JsonElement>($"/api/analytics/quality/breakdown?batch_id={run}")).GetProperty("sample_size").GetInt32() < responses.Count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The run's responses did not reach analytics.");
            await Task.Delay(500);
        }
        return responses;
    }
}
