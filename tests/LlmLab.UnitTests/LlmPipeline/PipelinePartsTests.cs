using System.Text.Json;
using LlmLab.LlmIntegration.Apis;
using LlmLab.LlmIntegration.Apis.OpenAiCompatible;
using LlmLab.LlmIntegration.Pipeline;
using LlmLab.LlmIntegration.Providers.Local;
using LlmLab.LlmIntegration.Providers.Simulated;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LlmLab.UnitTests.LlmPipeline;

public class PipelinePartsTests
{
    [Theory]
    [InlineData(429, ProviderErrorKind.RateLimited)]
    [InlineData(500, ProviderErrorKind.ServerError)]
    [InlineData(503, ProviderErrorKind.ServerError)]
    [InlineData(401, ProviderErrorKind.Unauthorized)]
    [InlineData(400, ProviderErrorKind.InvalidRequest)]
    [InlineData(408, ProviderErrorKind.Timeout)]
    public void Http_statuses_are_classified(int status, ProviderErrorKind kind) =>
        Assert.Equal(kind, ErrorClassifier.FromStatus(status, "p", null).Kind);

    [Fact]
    public void The_cache_key_changes_with_every_input_that_changes_the_output()
    {
        List<ChatMessage> messages = [new(ChatRole.User, "hello")];
        var options = new ChatOptions { Temperature = 0.7f, Seed = 1, MaxOutputTokens = 10 };
        var key = ResponseCache.KeyOf("t1", "local", "m", messages, options);
        Assert.Equal(key, ResponseCache.KeyOf("t1", "local", "m", [new(ChatRole.User, "hello")], new ChatOptions { Temperature = 0.7f, Seed = 1, MaxOutputTokens = 10 }));
        Assert.NotEqual(key, ResponseCache.KeyOf("t1", "local", "m", messages, new ChatOptions { Temperature = 0.7f, Seed = 2, MaxOutputTokens = 10 }));
        Assert.NotEqual(key, ResponseCache.KeyOf("t1", "local", "m", messages, new ChatOptions { Temperature = 0.7f, Seed = 1, MaxOutputTokens = 11 }));
        Assert.NotEqual(key, ResponseCache.KeyOf("t1", "other", "m", messages, options));
        Assert.NotEqual(key, ResponseCache.KeyOf("t1", "local", "m", [new(ChatRole.System, "hello")], options));
        // One tenant's entry is never another's, whatever the tenant ids look like.
        Assert.NotEqual(key, ResponseCache.KeyOf("t2", "local", "m", messages, options));
        Assert.StartsWith("llmlab:cache:t1:", key, StringComparison.Ordinal);
        Assert.NotEqual(ResponseCache.KeyOf("a:b", "local", "m", messages, options), ResponseCache.KeyOf("a", "local", "m", messages, options));
    }

    [Fact]
    public void The_cache_key_is_the_one_entries_were_stored_under_before_it_was_written_by_hand()
    {
        List<ChatMessage> messages = [new(ChatRole.System, "Réponds <en> \"français\"."), new(ChatRole.User, "naïve & 雨\n")];
        ChatOptions[] variants =
        [
            new() { Temperature = 0.7f, TopP = 0.9f, Seed = 12, MaxOutputTokens = 60, StopSequences = ["\n\n", "END"] },
            new() { Temperature = 0f, TopK = 40, FrequencyPenalty = 0.25f, PresencePenalty = -1.5f },
            new(),
        ];
        foreach (var o in variants)
        {
            // The former key: the serializer's JSON of an anonymous object of the same fields, hashed.
            var material = JsonSerializer.Serialize(new
            {
                tenantId = "t1",
                provider = "config/local",
                model = "m",
                messages = messages.Select(m => new[] { m.Role.Value, m.Text }),
                o.Temperature, o.TopP, o.TopK, o.MaxOutputTokens, o.FrequencyPenalty, o.PresencePenalty, o.Seed,
                stop = o.StopSequences,
            });
            var former = "llmlab:cache:t1:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(material)));
            Assert.Equal(former, ResponseCache.KeyOf("t1", "config/local", "m", messages, o));
        }
    }

    [Theory]
    [InlineData(0.7f, 5L, null, true)]
    [InlineData(0f, null, null, true)]
    [InlineData(0.7f, null, null, false)]
    [InlineData(0.7f, null, true, true)]
    [InlineData(0f, 5L, false, false)]
    public void Only_deterministic_requests_are_cached_unless_the_caller_says_otherwise(float temperature, long? seed, bool? preference, bool cached) =>
        Assert.Equal(cached, ResponseCache.ShouldCache(new ChatOptions { Temperature = temperature, Seed = seed }, preference));

    [Fact]
    public void Tokens_are_counted_with_the_o200k_tokenizer()
    {
        var counter = new TokenCounter();
        Assert.Equal(2, counter.Count("Hello world"));
        Assert.Equal(0, counter.Count(""));
        Assert.True(counter.Count(string.Join(' ', Enumerable.Repeat("rain", 100))) >= 100);
    }

    [Fact]
    public async Task The_simulated_provider_fails_in_the_configured_shares()
    {
        var options = new SimulatedProviderOptions();
        options.Profiles["flaky"] = new FaultProfile { LatencyMs = 0, RateLimitShare = 0.3, ServerErrorShare = 0.1, RetryAfterSeconds = 2 };
        var client = new SimulatedChatClient(new LocalChatClient(LocalLanguageModel.FromEmbeddedCorpus()), new StaticOptions(options), TimeProvider.System);
        int ok = 0, limited = 0, failed = 0;
        for (var i = 0; i < 1_000; i++)
        {
            try
            {
                await client.GetResponseAsync([new ChatMessage(ChatRole.User, "rain")], new ChatOptions { ModelId = "flaky", MaxOutputTokens = 1 });
                ok++;
            }
            catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.RateLimited)
            {
                Assert.Equal(TimeSpan.FromSeconds(2), ex.RetryAfter);
                limited++;
            }
            catch (ProviderException ex) when (ex.Kind == ProviderErrorKind.ServerError)
            {
                failed++;
            }
        }
        Assert.InRange(limited, 240, 360);
        Assert.InRange(failed, 60, 140);
        Assert.Equal(1_000, ok + limited + failed);
    }

    [Fact]
    public void Chat_completion_requests_are_checked_parameter_by_parameter()
    {
        ChatCompletionRequest Parse(string json) => JsonSerializer.Deserialize<ChatCompletionRequest>(json)!;
        Assert.Null(ChatCompletionValidator.FirstError(Parse("""{"model":"m","messages":[{"role":"user","content":"hi"}],"stop":["."]}""")));
        Assert.Equal("model", ChatCompletionValidator.FirstError(Parse("""{"messages":[{"role":"user","content":"hi"}]}"""))?.Param);
        Assert.Equal("messages[0].role", ChatCompletionValidator.FirstError(Parse("""{"model":"m","messages":[{"role":"robot","content":"hi"}]}"""))?.Param);
        Assert.Equal("top_p", ChatCompletionValidator.FirstError(Parse("""{"model":"m","messages":[{"role":"user","content":"hi"}],"top_p":0}"""))?.Param);
        Assert.Equal("n", ChatCompletionValidator.FirstError(Parse("""{"model":"m","messages":[{"role":"user","content":"hi"}],"n":17}"""))?.Param);
        Assert.Equal("hi there", Parse("""{"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi "},{"type":"text","text":"there"}]}]}""").Messages![0].Text());
    }

    [Fact]
    public void A_provider_added_through_the_api_needs_a_kind_a_key_and_models()
    {
        var errors = NewProviderValidator.Validate(new NewProvider("local", "cohere", "https://x", null, "z", [], 0, -1, null), ["local"], apiKeyRequired: true);
        Assert.Equal(["api_key", "kind", "max_concurrency", "models", "name", "requests_per_minute"], errors.Keys.Order());
        var ollama = new NewProvider("ollama", "openai", "http://127.0.0.1:11434/v1", "k", null, [new NewModel("llama3", 0, 0, null)], 4, 60, 0);
        Assert.Empty(NewProviderValidator.Validate(ollama, ["local"], apiKeyRequired: true));
        // A change that keeps the endpoint may leave the stored key in place.
        Assert.Empty(NewProviderValidator.Validate(ollama with { ApiKey = null }, ["local"], apiKeyRequired: false));
        Assert.Equal(["api_key"], NewProviderValidator.Validate(ollama with { ApiKey = new string('k', 5000) }, ["local"], apiKeyRequired: false).Keys);
    }

    private sealed class StaticOptions(SimulatedProviderOptions value) : IOptionsMonitor<SimulatedProviderOptions>
    {
        public SimulatedProviderOptions CurrentValue => value;
        public SimulatedProviderOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<SimulatedProviderOptions, string?> listener) => null;
    }
}
