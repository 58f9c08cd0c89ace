using System.ClientModel;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LlmLab.Contracts.Llm;
using LlmLab.IntegrationTests.Platform;
using OpenAI;
using OpenAI.Chat;

namespace LlmLab.IntegrationTests;

[Collection(PlatformCollection.Name)]
public class LlmIntegrationTests(PlatformFixture platform)
{
    private readonly PlatformApi _api = new(platform.CreateClient());

    private ChatClient OpenAiClient(string model) =>
        new(model, new ApiKeyCredential(PlatformFixture.ApiKey), new OpenAIClientOptions { Endpoint = new Uri(platform.GatewayUrl + "/v1") });

    private static ChatCompletionOptions Seeded(int seed) => new()
    {
#pragma warning disable OPENAI001 // Seed is marked experimental by the SDK.
        Seed = seed,
#pragma warning restore OPENAI001
        Temperature = 0.8f,
        MaxOutputTokenCount = 40,
    };

    [Fact]
    public async Task The_official_openai_client_talks_to_the_gateway_streaming_and_not_with_the_same_seeded_text()
    {
        var client = OpenAiClient("local/local-ngram");
        List<OpenAI.Chat.ChatMessage> messages = [new UserChatMessage("Explain how rain forms.")];

        ChatCompletion completion = await client.CompleteChatAsync(messages, Seeded(424242));
        var text = completion.Content[0].Text;
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.True(completion.Usage.OutputTokenCount is > 0 and <= 40);
        Assert.True(completion.Usage.InputTokenCount > 0);

        var streamed = new StringBuilder();
        var chunks = 0;
        await foreach (var update in client.CompleteChatStreamingAsync(messages, Seeded(424242)))
        {
            foreach (var part in update.ContentUpdate) streamed.Append(part.Text);
            chunks++;
        }
        Assert.True(chunks > 3, $"{chunks} chunks");
        Assert.Equal(text, streamed.ToString());
    }

    [Fact]
    public async Task Models_are_listed_in_openai_format()
    {
        var models = await PlatformApi.ReadAsync(await _api.Client.GetAsync("/v1/models"), HttpStatusCode.OK);
        Assert.Equal("list", models.GetProperty("object").GetString());
        var ids = models.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Contains("local/local-ngram", ids);
        Assert.Contains("simulated/simulated-200ms", ids);
    }

    [Fact]
    public async Task A_seeded_request_is_answered_from_the_cache_the_second_time_and_an_unseeded_one_never()
    {
        var prompt = $"Describe the ocean. {Guid.NewGuid()}";
        object Body(long? seed) => new { model = "local-ngram", messages = new[] { new { role = "user", content = prompt } }, temperature = 0.9, max_tokens = 30, seed };

        var first = await _api.Client.PostAsJsonAsync("/v1/chat/completions", Body(7));
        var second = await _api.Client.PostAsJsonAsync("/v1/chat/completions", Body(7));
        Assert.Equal("miss", first.Headers.GetValues("x-llmlab-cache").Single());
        Assert.Equal("hit", second.Headers.GetValues("x-llmlab-cache").Single());
        Assert.Equal(Content(await PlatformApi.ReadAsync(first, HttpStatusCode.OK)), Content(await PlatformApi.ReadAsync(second, HttpStatusCode.OK)));

        var unseeded = await _api.Client.PostAsJsonAsync("/v1/chat/completions", Body(null));
        var again = await _api.Client.PostAsJsonAsync("/v1/chat/completions", Body(null));
        Assert.Equal("miss", unseeded.Headers.GetValues("x-llmlab-cache").Single());
        Assert.Equal("miss", again.Headers.GetValues("x-llmlab-cache").Single());
    }

    [Fact]
    public async Task A_tenant_keeps_at_most_its_bound_of_cached_responses_and_the_oldest_written_go_first()
    {
        var client = platform.CreateClient(PlatformFixture.CacheBoundApiKey);
        var run = Guid.NewGuid().ToString("N")[..8];
        async Task<string> CallAsync(int i)
        {
            var body = new { model = "local-ngram", messages = new[] { new { role = "user", content = $"Describe the river {run} {i}." } }, temperature = 0.5, max_tokens = 5, seed = 3 };
            using var response = await client.PostAsJsonAsync("/v1/chat/completions", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response.Headers.GetValues("x-llmlab-cache").Single();
        }

        const int extra = 20;
        for (var i = 0; i < PlatformFixture.CacheBound + extra; i++) Assert.Equal("miss", await CallAsync(i));

        using var redis = await new PlatformStores(platform).ConnectRedisAsync();
        var entries = 0;
        await foreach (var _ in redis.GetServers().Single().KeysAsync(pattern: $"llmlab:cache:{PlatformFixture.CacheBoundTenant}:*")) entries++;
        Assert.Equal(PlatformFixture.CacheBound, entries);
        Assert.Equal(PlatformFixture.CacheBound, await redis.GetDatabase().SortedSetLengthAsync($"llmlab:cache-index:{PlatformFixture.CacheBoundTenant}"));
        // The newest are still answered from the cache; the first ones written were deleted to make room.
        Assert.Equal("hit", await CallAsync(PlatformFixture.CacheBound + extra - 1));
        Assert.Equal("hit", await CallAsync(extra));
        Assert.Equal("miss", await CallAsync(extra - 1));
        Assert.Equal("miss", await CallAsync(0));
    }

    [Fact]
    public async Task A_reply_the_cache_cannot_store_is_still_answered_and_cached_again_once_redis_accepts_writes()
    {
        var client = platform.CreateClient(PlatformFixture.CacheFaultApiKey);
        var body = new { model = "local-ngram", messages = new[] { new { role = "user", content = $"Describe the harbour {Guid.NewGuid():N}." } }, temperature = 0.5, max_tokens = 5, seed = 4 };
        async Task<string> CallAsync()
        {
            using var response = await client.PostAsJsonAsync("/v1/chat/completions", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
                .GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()));
            return response.Headers.GetValues("x-llmlab-cache").Single();
        }

        using var redis = await new PlatformStores(platform).ConnectRedisAsync();
        var index = (StackExchange.Redis.RedisKey)$"llmlab:cache-index:{PlatformFixture.CacheFaultTenant}";
        // A string where the tenant's sorted-set index belongs: Redis refuses the cache's write with WRONGTYPE, after the
        // provider has answered.
        await redis.GetDatabase().StringSetAsync(index, "not a sorted set");
        try
        {
            Assert.Equal("miss", await CallAsync());
            Assert.Equal("miss", await CallAsync());
        }
        finally
        {
            await redis.GetDatabase().KeyDeleteAsync(index);
        }
        Assert.Equal("miss", await CallAsync());
        Assert.Equal("hit", await CallAsync());
    }

    [Fact]
    public async Task An_openai_compatible_provider_added_at_run_time_proxies_to_its_endpoint_and_never_shows_its_key()
    {
        var name = $"loop-{Guid.NewGuid():N}"[..20];
        var added = await _api.Client.PostAsJsonAsync("/api/llm/providers", new
        {
            name, kind = "openai", base_url = platform.GatewayUrl + "/v1", api_key = PlatformFixture.ApiKey,
            models = new[] { new { name = "local/local-ngram", input_price_per_million = 1.0, output_price_per_million = 2.0 } },
        });
        var addedText = await added.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.DoesNotContain(PlatformFixture.ApiKey, addedText, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(addedText).RootElement.GetProperty("has_api_key").GetBoolean());
        var listed = await (await _api.Client.GetAsync("/api/llm/providers")).Content.ReadAsStringAsync();
        Assert.Contains(name, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(PlatformFixture.ApiKey, listed, StringComparison.Ordinal);

        List<OpenAI.Chat.ChatMessage> messages = [new UserChatMessage("Why does bread rise?")];
        ChatCompletion direct = await OpenAiClient("local/local-ngram").CompleteChatAsync(messages, Seeded(99));
        ChatCompletion proxied = await OpenAiClient($"{name}/local/local-ngram").CompleteChatAsync(messages, Seeded(99));
        Assert.Equal(direct.Content[0].Text, proxied.Content[0].Text);

        var response = await _api.Client.PostAsJsonAsync("/v1/chat/completions",
            new { model = $"{name}/local/local-ngram", messages = new[] { new { role = "user", content = "Why does bread rise?" } }, temperature = 1.0, max_tokens = 20 });
        Assert.True(double.Parse(response.Headers.GetValues("x-llmlab-cost-usd").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);

        var logs = Directory.GetFiles(Path.Combine(platform.DataDirectory, "logs"), "*.log").Select(File.ReadAllText);
        Assert.All(logs, log => Assert.DoesNotContain(PlatformFixture.ApiKey, log, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_anthropic_provider_calls_the_messages_api_with_its_key()
    {
        await using var anthropic = await FakeAnthropicServer.StartAsync();
        var name = $"anth-{Guid.NewGuid():N}"[..20];
        var key = $"sk-ant-test-{Guid.NewGuid():N}";
        var added = await _api.Client.PostAsJsonAsync("/api/llm/providers", new
        {
            name, kind = "anthropic", base_url = anthropic.Url, api_key = key, models = new[] { new { name = "claude-test" } },
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var completion = await PlatformApi.ReadAsync(await _api.Client.PostAsJsonAsync("/v1/chat/completions",
            new { model = $"{name}/claude-test", messages = new[] { new { role = "user", content = "How do clouds form?" } }, max_tokens = 50 }), HttpStatusCode.OK);

        Assert.Equal("Clouds form when moist air cools.", Content(completion));
        Assert.Equal(7, completion.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        var (apiKey, body) = Assert.Single(anthropic.Requests);
        Assert.True(key == apiKey, $"x-api-key was '{apiKey}'; headers: {anthropic.LastHeaders}");
        Assert.Equal("claude-test", body.GetProperty("model").GetString());
        Assert.Equal(50, body.GetProperty("max_tokens").GetInt32());
    }

    [Fact]
    public async Task Rate_limited_calls_are_retried_honouring_retry_after_until_they_succeed()
    {
        // simulated-flaky answers 429 (Retry-After 0.2 s) to 25% of calls: with 3 retries nearly every call succeeds.
        var failures = 0;
        for (var i = 0; i < 10; i++)
        {
            var response = await _api.Client.PostAsJsonAsync("/v1/chat/completions",
                new { model = "simulated-faults/simulated-flaky", messages = new[] { new { role = "user", content = "Explain rain." } }, temperature = 1.0, max_tokens = 10 });
            if (response.StatusCode != HttpStatusCode.OK) failures++;
        }
        Assert.True(failures <= 1, $"{failures} of 10 calls failed");
    }

    [Fact]
    public async Task A_provider_that_keeps_failing_answers_a_clear_error_and_then_opens_its_circuit()
    {
        // A provider of its own (so no other test shares its circuit) whose endpoint refuses every connection.
        var name = $"down-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Created, (await _api.Client.PostAsJsonAsync("/api/llm/providers", new
        {
            name, kind = "openai", base_url = $"http://127.0.0.1:{AppHostProcess.FreePort()}/v1", api_key = "unused", models = new[] { new { name = "m" } },
        })).StatusCode);

        JsonElement error = default;
        var codes = new List<string?>();
        var messages = new List<string?>();
        for (var i = 0; i < 8; i++)
        {
            var response = await _api.Client.PostAsJsonAsync("/v1/chat/completions",
                new { model = $"{name}/m", messages = new[] { new { role = "user", content = "Explain rain." } }, max_tokens = 10 });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            error = (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement.GetProperty("error").Clone();
            codes.Add(error.GetProperty("code").GetString());
            messages.Add(error.GetProperty("message").GetString());
            if (messages[^1]?.Contains("circuit open", StringComparison.Ordinal) == true) break;
        }
        // OpenAI's shape: snake_case codes, API.md's failure kind ("unavailable" for a provider that cannot be reached
        // and for an open circuit); the message tells the two apart.
        Assert.All(codes, code => Assert.Equal("unavailable", code));
        Assert.Equal($"{name}: connection failed", messages[0]);
        Assert.Contains("circuit open after repeated failures", messages[^1], StringComparison.Ordinal);
        Assert.Equal("server_error", error.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_provider_s_concurrency_limit_holds_calls_back()
    {
        // Six 200 ms calls through a provider allowed two at a time take at least three rounds.
        var name = $"lim-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Created, (await _api.Client.PostAsJsonAsync("/api/llm/providers", new
        {
            name, kind = "openai", base_url = platform.GatewayUrl + "/v1", api_key = PlatformFixture.ApiKey, max_concurrency = 2,
            models = new[] { new { name = "simulated/simulated-200ms" } },
        })).StatusCode);

        var watch = Stopwatch.StartNew();
        var calls = Enumerable.Range(0, 6).Select(_ => _api.Client.PostAsJsonAsync("/v1/chat/completions",
            new { model = $"{name}/simulated/simulated-200ms", messages = new[] { new { role = "user", content = "Explain rain." } }, temperature = 1.0, max_tokens = 5 }));
        var responses = await Task.WhenAll(calls);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(580), $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Bad_requests_are_refused_naming_the_parameter()
    {
        async Task<JsonElement> ErrorOf(object body, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            var response = await _api.Client.PostAsJsonAsync("/v1/chat/completions", body);
            Assert.Equal(status, response.StatusCode);
            return (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement.GetProperty("error").Clone();
        }
        var message = new[] { new { role = "user", content = "hi" } };
        Assert.Equal("temperature", (await ErrorOf(new { model = "local-ngram", messages = message, temperature = 3 })).GetProperty("param").GetString());
        Assert.Equal("messages", (await ErrorOf(new { model = "local-ngram", messages = Array.Empty<object>() })).GetProperty("param").GetString());
        Assert.Equal("model", (await ErrorOf(new { model = "nowhere/some-model", messages = message }, HttpStatusCode.NotFound)).GetProperty("param").GetString());

        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/llm/providers", new { name = "x", kind = "cohere", api_key = "k", models = new[] { new { name = "m" } } }),
            HttpStatusCode.UnprocessableEntity, "kind");
        await PlatformApi.ExpectProblemAsync(await _api.Client.PostAsJsonAsync("/api/llm/provider/switch", new { provider = "local", model = "gpt-9" }),
            HttpStatusCode.UnprocessableEntity, "model");
    }

    [Fact]
    public async Task Grpc_generate_and_generate_stream_give_the_same_seeded_text_with_usage_and_cost()
    {
        var grpcUrl = platform.ReadState()!.Resource("llm-integration").GrpcUrl!;
        using var channel = platform.SignedChannel(grpcUrl);
        var client = new LlmService.LlmServiceClient(channel);
        var request = new GenerateRequest
        {
            TenantId = "grpc-test", Provider = "simulated", Model = "simulated-0ms", Cache = false,
            Messages = { new LlmLab.Contracts.Llm.ChatMessage { Role = "user", Content = "How does the sun heat the earth?" } },
            Parameters = new GenerationParameters { Temperature = 0.7, MaxTokens = 30, Seed = 5 },
        };

        var reply = await client.GenerateAsync(request);
        Assert.True(reply.CompletionTokens is > 0 and <= 30);
        Assert.Equal(reply.PromptTokens + reply.CompletionTokens, reply.TotalTokens);
        Assert.True(reply.CostUsd > 0);
        Assert.False(reply.CacheHit);

        var streamed = new StringBuilder();
        GenerateReply? final = null;
        using var call = client.GenerateStream(request);
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            streamed.Append(call.ResponseStream.Current.Delta);
            final = call.ResponseStream.Current.Final ?? final;
        }
        Assert.Equal(reply.Content, streamed.ToString());
        Assert.Equal(reply.CompletionTokens, final!.CompletionTokens);

        var invalid = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () =>
            await client.GenerateAsync(new GenerateRequest { Provider = "local", Parameters = new GenerationParameters { TopP = 0 } }));
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.StartsWith("messages", invalid.Status.Detail, StringComparison.Ordinal);
    }

    private static string? Content(JsonElement completion) => completion.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString();
}
