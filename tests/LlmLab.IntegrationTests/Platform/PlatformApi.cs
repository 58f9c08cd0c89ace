using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LlmLab.IntegrationTests.Platform;

/// <summary>The calls the tests make through the gateway, as a user of the REST contract would.</summary>
public sealed class PlatformApi(HttpClient client)
{
    public HttpClient Client => client;

    public static object Grid3x3(string name, string provider = "local", string model = "") => new
    {
        name,
        prompt = "Explain how rain forms in clouds and why it falls.",
        provider,
        model,
        temperature_min = 0.2, temperature_max = 1.0, temperature_step = 0.4,
        top_p_min = 0.5, top_p_max = 1.0, top_p_step = 0.25,
        max_tokens = 60,
        response_count = 2,
    };

    /// <summary>Creates a batch of <paramref name="calls"/> repetitions of one combination and starts it; answers its id.</summary>
    public async Task<Guid> StartBatchAsync(string name, string provider, int calls, string model = "")
    {
        using var created = await client.PostAsJsonAsync("/api/experiments/batch", new
        {
            name, prompt = "Explain how rain forms.", provider, model, response_count = calls,
            parameter_ranges = new { temperature = new[] { 0.5 }, max_tokens = new[] { 20 } },
        });
        var id = (await ReadAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var started = await client.PostAsync($"/api/experiments/batch/{id}/start", null);
        await ReadAsync(started, HttpStatusCode.Accepted);
        return id;
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await client.GetAsync(path);
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    public async Task<Guid> CreateExperimentAsync(object body)
    {
        using var response = await client.PostAsJsonAsync("/api/experiments", body);
        var json = await ReadAsync(response, HttpStatusCode.Created);
        return json.GetProperty("id").GetGuid();
    }

    public async Task<Guid> GenerateAsync(Guid experimentId, string? traceParent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/responses/generate") { Content = JsonContent.Create(new { experiment_id = experimentId }) };
        if (traceParent is not null) request.Headers.Add("traceparent", traceParent);
        using var response = await client.SendAsync(request);
        // A small run answers 200 with its responses, a larger one 202; both name the run.
        var json = await ReadAsync(response, response.StatusCode == HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.Accepted);
        return json.GetProperty("run_id").GetGuid();
    }

    public async Task<JsonElement> StatusAsync(Guid runId)
    {
        using var response = await client.GetAsync($"/api/experiments/batch/{runId}/status");
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    public async Task<JsonElement> WaitForRunAsync(Guid runId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await client.GetAsync($"/api/experiments/batch/{runId}/status");
            if ((int)response.StatusCode >= 500 && DateTime.UtcNow < deadline)
            {
                // The batch service may be restarting (a test killed it); the gateway says so with 502/503.
                await Task.Delay(500);
                continue;
            }
            var status = await ReadAsync(response, HttpStatusCode.OK);
            if (status.GetProperty("status").GetString() is "completed" or "completed_with_errors" or "failed" or "cancelled") return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Run {runId} still {status.GetProperty("status")} after {timeout}: {status}");
            await Task.Delay(200);
        }
    }

    public async Task<JsonElement> ResponsesAsync(Guid experimentId, Guid runId)
    {
        using var response = await client.GetAsync($"/api/responses/{experimentId}?run_id={runId}&page_size=500");
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Every stored response of a run as (response id, temperature, top_p, seed), from the custom export.</summary>
    public async Task<List<(string? ResponseId, double Temperature, double TopP, long Seed)>> ExportedItemsAsync(Guid runId)
    {
        using var response = await client.PostAsJsonAsync("/api/export/custom", new
        {
            format = "json", fields = new[] { "response_id", "temperature", "top_p", "seed" }, filters = new { batch_id = runId },
        });
        var rows = await ReadAsync(response, HttpStatusCode.OK);
        return rows.EnumerateArray().Select(r => (r.GetProperty("response_id").GetString(), r.GetProperty("temperature").GetDouble(),
            r.GetProperty("top_p").GetDouble(), r.GetProperty("seed").GetInt64())).ToList();
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {response.StatusCode} (expected {expected}): {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The one value of a response or content header; fails the test, naming the header, when it is absent.</summary>
    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");

    /// <summary>Asserts a problem+json answer with the given status that names the field in its errors.</summary>
    public static async Task<JsonElement> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var problem = await ReadAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named in {problem}");
        return problem;
    }
}
