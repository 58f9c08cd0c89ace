using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using LlmLab.Contracts.Llm;
using LlmLab.IntegrationTests.Platform;

namespace LlmLab.IntegrationTests;

/// <summary>Long calls and readable failures, against OpenAI-compatible providers served by the test kit's fake server.</summary>
[Collection(PlatformCollection.Name)]
public class RunEngineTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    [Fact]
    public async Task A_call_of_150_seconds_succeeds_and_reaches_the_provider_exactly_once()
    {
        var provider = platform.FakeOpenAi.Scenario(FakeProviders.Slow);
        provider.Latency = TimeSpan.FromSeconds(150);
        provider.ResetCounters();

        var id = await _api.StartBatchAsync("long-call", FakeProviders.Slow, calls: 2);
        var status = await _api.WaitForRunAsync(id, TimeSpan.FromMinutes(5));

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(2, status.GetProperty("completed_combinations").GetInt32());
        Assert.Equal(2, provider.Requests);
        Assert.Equal(2, provider.Succeeded);
        var items = await _api.GetAsync($"/api/experiments/batch/{id}/items?status=completed");
        Assert.Equal(2, items.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Calls_longer_than_the_old_10_second_attempt_limit_each_reach_the_provider_once()
    {
        var provider = platform.FakeOpenAi.Scenario(FakeProviders.Slow);
        provider.Latency = TimeSpan.FromSeconds(12);
        provider.ResetCounters();

        var id = await _api.StartBatchAsync("twelve-seconds", FakeProviders.Slow, calls: 2 * PlatformFixture.WorkerConcurrency);
        var status = await _api.WaitForRunAsync(id, TimeSpan.FromMinutes(3));

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal(8, status.GetProperty("completed_combinations").GetInt32());
        Assert.Equal(8, provider.Requests);
        Assert.Equal(0, provider.Aborted);
    }

    [Fact]
    public async Task A_provider_slower_than_its_timeout_fails_its_items_as_timeouts_after_the_pipelines_retries()
    {
        var provider = platform.FakeOpenAi.Scenario(FakeProviders.QuickTimeout);
        provider.Latency = TimeSpan.FromSeconds(30);
        provider.ResetCounters();

        var id = await _api.StartBatchAsync("too-slow", FakeProviders.QuickTimeout, calls: 2);
        var status = await _api.WaitForRunAsync(id, TimeSpan.FromMinutes(2));

        Assert.Equal("failed", status.GetProperty("status").GetString());
        var failed = await _api.GetAsync($"/api/experiments/batch/{id}/items?status=failed");
        Assert.All(failed.GetProperty("items").EnumerateArray(), item =>
        {
            var error = item.GetProperty("error");
            Assert.Equal("timeout", error.GetProperty("kind").GetString());
            Assert.Contains($"no answer within {FakeProviders.QuickTimeoutSeconds} s", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, error.GetProperty("provider_status").ValueKind);
            Assert.Equal(4, error.GetProperty("attempts").GetInt32()); // the first try and llm-integration's 3 retries
        });
        // One retry layer: 2 items × 4 attempts, and every one of them was abandoned by the client at its timeout.
        Assert.Equal(8, provider.Requests);
        await WaitUntilAsync(() => provider.Aborted == 8, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Failed_items_keep_kind_message_status_and_attempts_and_the_run_summarises_them()
    {
        platform.FakeOpenAi.Scenario(FakeProviders.Errors).FailWithStatus = 500;
        platform.FakeOpenAi.Scenario(FakeProviders.Refusing).FailWithStatus = 400;

        var broken = await _api.StartBatchAsync("server-errors", FakeProviders.Errors, calls: 2);
        var refused = await _api.StartBatchAsync("refused", FakeProviders.Refusing, calls: 3);
        Assert.Equal("failed", (await _api.WaitForRunAsync(broken, TimeSpan.FromMinutes(2))).GetProperty("status").GetString());
        Assert.Equal("failed", (await _api.WaitForRunAsync(refused, TimeSpan.FromMinutes(2))).GetProperty("status").GetString());

        var serverError = (await _api.GetAsync($"/api/experiments/batch/{broken}/items?status=failed")).GetProperty("items")[0].GetProperty("error");
        Assert.Equal("provider_error", serverError.GetProperty("kind").GetString());
        Assert.Equal(500, serverError.GetProperty("provider_status").GetInt32());
        Assert.Equal(4, serverError.GetProperty("attempts").GetInt32());
        Assert.Contains("server error (500)", serverError.GetProperty("message").GetString(), StringComparison.Ordinal);

        // A refused request is not retried; the list pages.
        var page = await _api.GetAsync($"/api/experiments/batch/{refused}/items?status=failed&page=2&page_size=2");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        var invalid = Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("error");
        Assert.Equal("invalid_request", invalid.GetProperty("kind").GetString());
        Assert.Equal(400, invalid.GetProperty("provider_status").GetInt32());
        Assert.Equal(1, invalid.GetProperty("attempts").GetInt32());
        Assert.Equal(3, platform.FakeOpenAi.Scenario(FakeProviders.Refusing).Requests);

        var details = await _api.GetAsync($"/api/experiments/batch/{refused}");
        var summary = Assert.Single(details.GetProperty("failures").EnumerateArray());
        Assert.Equal("invalid_request", summary.GetProperty("kind").GetString());
        Assert.Equal(3, summary.GetProperty("count").GetInt32());
        Assert.Contains("(400)", summary.GetProperty("example_message").GetString(), StringComparison.Ordinal);

        using var export = await _api.Client.PostAsJsonAsync("/api/export/custom", new
        {
            format = "json", fields = new[] { "response_id", "error_kind", "error_message" }, filters = new { batch_id = broken },
        });
        var rows = (await PlatformApi.ReadAsync(export, HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(JsonValueKind.Null, row.GetProperty("response_id").ValueKind);
            Assert.Equal("provider_error", row.GetProperty("error_kind").GetString());
            Assert.Contains("server error (500)", row.GetProperty("error_message").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_experiment_or_batch_naming_an_unknown_provider_or_model_is_refused_with_422_naming_the_field()
    {
        var experiment = PlatformApi.Grid3x3("unknown-provider", provider: "no-such-provider");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/experiments", experiment), HttpStatusCode.UnprocessableEntity, "provider");
        var model = PlatformApi.Grid3x3("unknown-model", provider: "simulated", model: "no-such-model");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/experiments", model), HttpStatusCode.UnprocessableEntity, "model");

        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/experiments/batch", new
        {
            name = "unknown", prompt = "Explain rain.", provider = "no-such-provider", response_count = 1,
        }), HttpStatusCode.UnprocessableEntity, "provider");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/experiments/batch", new
        {
            name = "unknown", prompt = "Explain rain.", provider = "simulated", response_count = 1,
            parameter_ranges = new { model = new[] { "simulated-200ms", "no-such-model" } },
        }), HttpStatusCode.UnprocessableEntity, "model");

        // A known provider with its default model is accepted.
        await _api.CreateExperimentAsync(PlatformApi.Grid3x3("known", provider: FakeProviders.Slow));
    }

    [Fact]
    public async Task A_stream_that_goes_silent_longer_than_its_idle_timeout_ends_as_a_timeout_while_a_steady_one_completes()
    {
        var provider = platform.FakeOpenAi.Scenario(FakeProviders.QuickTimeout);
        provider.Latency = TimeSpan.Zero;
        provider.Content = "Rain falls.";
        provider.StreamChunkGap = TimeSpan.FromMilliseconds(500);
        using var channel = platform.SignedChannel(platform.ReadState()!.Resource("llm-integration").GrpcUrl!);
        var client = new LlmService.LlmServiceClient(channel);
        var request = new GenerateRequest
        {
            TenantId = "stream-idle", Provider = FakeProviders.QuickTimeout, Cache = false,
            Messages = { new LlmLab.Contracts.Llm.ChatMessage { Role = "user", Content = "Why does rain fall?" } },
        };

        Assert.Equal("Rain falls.", await StreamedTextAsync(client, request));

        // Silent for 3 s against a 1 s idle timeout: the fake server has 2 s to see the dropped connection while it waits,
        // before its next write. With a 1.5 s gap one CI run saw no abort counted within 5 s; the likely cause (not
        // confirmed) is that the next write came before the server noticed, and the call then counted as a success.
        provider.StreamChunkGap = TimeSpan.FromSeconds(3);
        provider.ResetCounters();
        var silent = await Assert.ThrowsAsync<RpcException>(() => StreamedTextAsync(client, request));
        Assert.Equal("timeout", silent.Trailers.GetValue("llmlab-failure-kind"));
        Assert.Contains($"silent for {FakeProviders.QuickStreamIdleTimeoutSeconds} s", silent.Status.Detail, StringComparison.Ordinal);
        await WaitUntilAsync(() => provider.Aborted == 1, TimeSpan.FromSeconds(5));
    }

    private static async Task<string> StreamedTextAsync(LlmService.LlmServiceClient client, GenerateRequest request)
    {
        var text = new System.Text.StringBuilder();
        using var call = client.GenerateStream(request);
        while (await call.ResponseStream.MoveNext(CancellationToken.None)) text.Append(call.ResponseStream.Current.Delta);
        return text.ToString();
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not reached in {timeout}.");
            await Task.Delay(50);
        }
    }
}
