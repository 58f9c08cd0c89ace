using System.ClientModel;
using System.Text;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;
using OpenAI.Chat;

namespace LlmLab.IntegrationTests.OpenAiSdk;

/// <summary>/v1/chat/completions through the gateway with the official OpenAI .NET client: choices, usage, cost, logprobs.</summary>
[Collection(PlatformCollection.Name)]
public class OpenAiSdkChatTests(PlatformFixture platform)
{
    private const string Local = "local/local-ngram";
    private static readonly List<ChatMessage> Rain = [new UserChatMessage("Explain how rain forms.")];

    private static ChatCompletionOptions Options(float temperature = 0.9f, int maxTokens = 24)
    {
#pragma warning disable OPENAI001 // Seed is marked experimental by the SDK.
        return new ChatCompletionOptions { Temperature = temperature, MaxOutputTokenCount = maxTokens, Seed = 31337 };
#pragma warning restore OPENAI001
    }

    [Fact]
    public async Task A_chat_completion_has_usage_with_cost_and_a_request_id()
    {
        var result = await OpenAiSdkClients.Chat(platform, Local).CompleteChatAsync(Rain, Options());
        ChatCompletion completion = result;
        Assert.False(string.IsNullOrWhiteSpace(completion.Content[0].Text));
        Assert.True(completion.Usage.OutputTokenCount is > 0 and <= 24);
        Assert.Equal(completion.Usage.InputTokenCount + completion.Usage.OutputTokenCount, completion.Usage.TotalTokenCount);
        var raw = result.GetRawResponse();
        Assert.True(raw.Headers.TryGetValue("x-request-id", out var requestId));
        Assert.Matches("^req_[0-9a-f]{32}$", requestId);
        // The local engine is free, so the cost is present and zero; a priced provider's is checked in the pass-through tests.
        var usage = JsonDocument.Parse(raw.Content.ToString()).RootElement.GetProperty("usage");
        Assert.Equal(0, usage.GetProperty("cost").GetDouble());
    }

    [Fact]
    public async Task Streaming_sends_usage_only_when_asked_in_a_final_chunk_with_no_choices()
    {
        var client = OpenAiSdkClients.Chat(platform, Local);
        // The SDK always asks for usage (stream_options.include_usage) when it streams.
        var text = new StringBuilder();
        var updates = new List<StreamingChatCompletionUpdate>();
        await foreach (var update in client.CompleteChatStreamingAsync(Rain, Options()))
        {
            foreach (var part in update.ContentUpdate) text.Append(part.Text);
            updates.Add(update);
        }
        Assert.NotNull(updates[^1].Usage);
        Assert.Empty(updates[^1].ContentUpdate);
        Assert.Null(updates[^1].FinishReason);
        Assert.All(updates[..^1], u => Assert.Null(u.Usage));
        Assert.NotNull(updates[^2].FinishReason);
        ChatCompletion whole = await client.CompleteChatAsync(Rain, Options());
        Assert.Equal(whole.Content[0].Text, text.ToString());
        Assert.Equal(whole.Usage.OutputTokenCount, updates[^1].Usage.OutputTokenCount);

        // Without stream_options the stream carries no usage at all; with it, one last chunk has empty choices and the usage.
        var plain = await EventsAsync(includeUsage: null);
        Assert.Equal("data: [DONE]", plain[^1]);
        Assert.DoesNotContain(plain, e => e.Contains("\"usage\"", StringComparison.Ordinal));
        Assert.Contains(plain, e => e.Contains("\"finish_reason\":\"stop\"", StringComparison.Ordinal) || e.Contains("\"finish_reason\":\"length\"", StringComparison.Ordinal));
        var counted = await EventsAsync(includeUsage: true);
        var last = JsonDocument.Parse(counted[^2]["data: ".Length..]).RootElement;
        Assert.Empty(last.GetProperty("choices").EnumerateArray());
        Assert.Equal(whole.Usage.OutputTokenCount, last.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal(0, last.GetProperty("usage").GetProperty("cost").GetDouble());
        Assert.Single(counted, e => e.Contains("\"usage\"", StringComparison.Ordinal));
    }

    private async Task<string[]> EventsAsync(bool? includeUsage)
    {
        using var http = platform.CreateClient();
        object body = includeUsage is null
            ? new { model = Local, stream = true, seed = 31337, temperature = 0.9, max_tokens = 24, messages = new[] { new { role = "user", content = "Explain how rain forms." } } }
            : new
            {
                model = Local, stream = true, stream_options = new { include_usage = includeUsage }, seed = 31337, temperature = 0.9, max_tokens = 24,
                messages = new[] { new { role = "user", content = "Explain how rain forms." } },
            };
        var response = await http.PostAsync("/v1/chat/completions", new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("x-request-id"));
        return (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Two_choices_are_two_completions_and_usage_counts_both()
    {
        var client = OpenAiSdkClients.Chat(platform, Local);
        var answer = await OpenAiSdkClients.RawChatAsync(client, new
        {
            model = Local, n = 2, seed = 5, temperature = 1.0, max_tokens = 20, messages = new[] { new { role = "user", content = "Describe the sea." } },
        });
        var choices = answer.GetProperty("choices").EnumerateArray().ToList();
        Assert.Equal([0, 1], choices.Select(c => c.GetProperty("index").GetInt32()));
        var texts = choices.Select(c => c.GetProperty("message").GetProperty("content").GetString()).ToList();
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        Assert.NotEqual(texts[0], texts[1]);
        // Each choice is its own call: choice 1 is what seed 6 alone gives.
        var alone = await OpenAiSdkClients.RawChatAsync(client, new
        {
            model = Local, seed = 6, temperature = 1.0, max_tokens = 20, messages = new[] { new { role = "user", content = "Describe the sea." } },
        });
        Assert.Equal(alone.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), texts[1]);
        var usage = answer.GetProperty("usage");
        Assert.Equal(2 * alone.GetProperty("usage").GetProperty("prompt_tokens").GetInt32(), usage.GetProperty("prompt_tokens").GetInt32());
    }

    [Fact]
    public async Task Logprobs_are_the_built_in_engine_s_real_token_probabilities()
    {
        var options = Options(temperature: 0.7f, maxTokens: 12);
        options.IncludeLogProbabilities = true;
        options.TopLogProbabilityCount = 3;
        ChatCompletion completion = await OpenAiSdkClients.Chat(platform, Local).CompleteChatAsync([new UserChatMessage("Tell me about mountains.")], options);
        var tokens = completion.ContentTokenLogProbabilities;
        Assert.Equal(completion.Content[0].Text, string.Concat(tokens.Select(t => t.Token)));
        Assert.Equal(completion.Usage.OutputTokenCount, tokens.Count);
        Assert.All(tokens, t =>
        {
            Assert.InRange(t.LogProbability, -50f, 0f);
            // Three alternatives, or fewer when the engine had fewer candidates: then they are its whole distribution.
            Assert.InRange(t.TopLogProbabilities.Count, 1, 3);
            if (t.TopLogProbabilities.Count < 3) Assert.Equal(1.0, t.TopLogProbabilities.Sum(a => Math.Exp(a.LogProbability)), 3);
            // Alternatives come most likely first, and a drawn token is never likelier than the most likely one.
            Assert.True(t.TopLogProbabilities.Count < 2 || t.TopLogProbabilities[0].LogProbability >= t.TopLogProbabilities[1].LogProbability);
            Assert.True(t.LogProbability <= t.TopLogProbabilities[0].LogProbability + 1e-4f);
            Assert.True(t.TopLogProbabilities.Sum(a => Math.Exp(a.LogProbability)) <= 1.0001);
        });
        // At temperature 0 the engine takes the most likely token each time: the drawn token is the first alternative.
        var greedy = Options(temperature: 0f, maxTokens: 8);
        greedy.IncludeLogProbabilities = true;
        greedy.TopLogProbabilityCount = 1;
        ChatCompletion sure = await OpenAiSdkClients.Chat(platform, Local).CompleteChatAsync([new UserChatMessage("Tell me about rivers.")], greedy);
        Assert.NotEmpty(sure.ContentTokenLogProbabilities);
        Assert.All(sure.ContentTokenLogProbabilities, t => Assert.Equal((double)t.TopLogProbabilities[0].LogProbability, t.LogProbability, 4));
    }

    [Fact]
    public async Task Legacy_completions_answer_the_prompt_with_openai_s_default_length()
    {
        using var http = platform.CreateClient();
        var response = await http.PostAsync("/v1/completions", new StringContent(
            JsonSerializer.Serialize(new { model = Local, prompt = "The weather today", n = 2, seed = 8, temperature = 1.0 }), Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("text_completion", answer.GetProperty("object").GetString());
        var choices = answer.GetProperty("choices").EnumerateArray().ToList();
        Assert.Equal(2, choices.Count);
        Assert.All(choices, c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("text").GetString())));
        Assert.InRange(answer.GetProperty("usage").GetProperty("completion_tokens").GetInt32(), 2, 32);

        var refused = await http.PostAsync("/v1/completions", new StringContent(
            JsonSerializer.Serialize(new { model = Local, prompt = "x", echo = true }), Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("echo", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("param").GetString());
    }

    [Fact]
    public async Task Models_are_found_by_id_and_an_unknown_one_is_404_model_not_found()
    {
        var models = OpenAiSdkClients.Client(platform).GetOpenAIModelClient();
        var model = (await models.GetModelAsync(Local)).Value;
        Assert.Equal(Local, model.Id);
        Assert.Equal("local", model.OwnedBy);
        var missing = await Assert.ThrowsAsync<ClientResultException>(() => models.GetModelAsync("local/no-such-model"));
        Assert.Equal(404, missing.Status);
        Assert.Equal("model_not_found", OpenAiSdkClients.ErrorOf(missing).GetProperty("code").GetString());
    }
}
