using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LlmLab.Gateway.Auth;
using LlmLab.IntegrationTests.Platform;
using LlmLab.ServiceKit;
using LlmLab.ServiceKit.InternalIdentity;
using Microsoft.Extensions.Options;

namespace LlmLab.IntegrationTests.Contract;

/// <summary>API.md's promises for generate, the progress stream (with its browser token) and list shapes, through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public class RestTruthTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    private static object Small(string name) => new
    {
        name, prompt = "Explain how rain forms.", provider = "local", model = "",
        temperature_min = 0.3, temperature_max = 0.7, temperature_step = 0.4, top_p_min = 1.0, top_p_max = 1.0, top_p_step = 0.1,
        max_tokens = 20, response_count = 1,
    };

    [Fact]
    public async Task Generate_answers_200_with_the_responses_for_a_small_run()
    {
        var experiment = await _api.CreateExperimentAsync(Small("generate-200"));

        using var response = await _api.Client.PostAsJsonAsync("/api/responses/generate", new { experiment_id = experiment });
        var body = await PlatformApi.ReadAsync(response, HttpStatusCode.OK);

        Assert.Equal("completed", body.GetProperty("status").GetString());
        Assert.Equal(2, body.GetProperty("total_calls").GetInt32());
        var responses = body.GetProperty("responses").EnumerateArray().ToList();
        Assert.Equal(2, responses.Count);
        Assert.Equal([0.3, 0.7], responses.Select(r => r.GetProperty("temperature").GetDouble()).Order());
        Assert.All(responses, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("content").GetString()));
            Assert.Equal(body.GetProperty("run_id").GetGuid(), r.GetProperty("run_id").GetGuid());
        });
    }

    [Fact]
    public async Task Created_at_is_the_same_string_in_the_POST_answer_and_a_later_GET()
    {
        using var created = await _api.Client.PostAsJsonAsync("/api/experiments", Small("created-at"));
        var posted = await PlatformApi.ReadAsync(created, HttpStatusCode.Created);
        var read = await _api.GetAsync($"/api/experiments/{posted.GetProperty("id").GetGuid()}");
        Assert.Equal(posted.GetProperty("created_at").GetString(), read.GetProperty("created_at").GetString());
    }

    [Fact]
    public async Task Model_lists_are_objects_with_items()
    {
        var models = await _api.GetAsync("/api/llm/models");
        Assert.Contains(models.GetProperty("items").EnumerateArray(), m => m.GetProperty("provider").GetString() == "local");
        var comparison = await _api.GetAsync("/api/analytics/models/comparison");
        Assert.Equal(JsonValueKind.Array, comparison.GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task The_progress_stream_sends_default_message_events_and_answers_204_to_a_reconnect_after_the_final_one()
    {
        var run = await FinishedRunAsync("sse-204");

        var (status, lines) = await ReadStreamAsync(_api.Client, $"/api/experiments/batch/{run}/progress", lastEventId: null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("retry: 3000", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("event:", StringComparison.Ordinal));
        var lastId = lines.Where(l => l.StartsWith("id: ", StringComparison.Ordinal)).Select(l => long.Parse(l[4..])).Last();
        var last = JsonDocument.Parse(lines.Last(l => l.StartsWith("data: ", StringComparison.Ordinal))[6..]).RootElement;
        Assert.Equal("completed", last.GetProperty("status").GetString());

        var (again, rest) = await ReadStreamAsync(_api.Client, $"/api/experiments/batch/{run}/progress", lastEventId: lastId);
        Assert.Equal(HttpStatusCode.NoContent, again);
        Assert.Empty(rest);
    }

    [Fact]
    public async Task A_progress_token_opens_that_runs_stream_without_a_key_and_nothing_else()
    {
        var run = await FinishedRunAsync("sse-token");
        var other = await FinishedRunAsync("sse-token-other");
        var issued = await PlatformApi.ReadAsync(await _api.Client.PostAsync($"/api/experiments/batch/{run}/progress-token", null), HttpStatusCode.OK);
        var token = issued.GetProperty("token").GetString()!;
        Assert.InRange(issued.GetProperty("expires_at").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5.1));
        using var browser = platform.CreateClient(apiKey: null);

        var (status, lines) = await ReadStreamAsync(browser, issued.GetProperty("progress_url").GetString()!, lastEventId: null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(lines, l => l.StartsWith("data: ", StringComparison.Ordinal) && l.Contains(run.ToString(), StringComparison.Ordinal));

        var escaped = Uri.EscapeDataString(token);
        await ExpectUnauthorizedAsync(browser, $"/api/experiments/batch/{other}/progress?access_token={escaped}");
        await ExpectUnauthorizedAsync(browser, $"/api/experiments/batch/{run}/status?access_token={escaped}");
        await ExpectUnauthorizedAsync(browser, $"/api/experiments/batch/{run}/progress?access_token={escaped[..^4]}AAAA");
        await ExpectUnauthorizedAsync(browser, $"/api/experiments/batch/{run}/progress?access_token={Uri.EscapeDataString(ExpiredToken(run))}");
    }

    /// <summary>A token minted with the platform's secret six minutes ago: genuine, but past its five minutes.</summary>
    private string ExpiredToken(Guid run)
    {
        var tokens = new ProgressTokens(Options.Create(new InternalTokenOptions { InternalTokenKey = platform.InternalTokenKey }),
            new FixedTime(DateTimeOffset.UtcNow.AddMinutes(-6)));
        return tokens.Mint(new CallerIdentity(platform.TenantOfApiKey, "integration-test", "admin"), [], run).Token;
    }

    private async Task<Guid> FinishedRunAsync(string name)
    {
        var run = await _api.GenerateAsync(await _api.CreateExperimentAsync(Small(name)));
        await _api.WaitForRunAsync(run, TimeSpan.FromMinutes(2));
        return run;
    }

    private static async Task ExpectUnauthorizedAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<(HttpStatusCode Status, List<string> Lines)> ReadStreamAsync(HttpClient client, string path, long? lastEventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId.ToString());
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Split('\n').Where(l => l.Length > 0).ToList());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
