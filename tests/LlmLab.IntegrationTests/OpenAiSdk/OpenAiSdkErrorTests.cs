using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using LlmLab.IntegrationTests.Platform;
using OpenAI.Chat;

namespace LlmLab.IntegrationTests.OpenAiSdk;

/// <summary>
/// Every /v1 error — the gateway's and the service's — in OpenAI's shape with snake_case codes, so the SDK shows the
/// message; and no request field ignored: what a provider cannot do is refused naming the parameter.
/// </summary>
[Collection(PlatformCollection.Name)]
public class OpenAiSdkErrorTests(PlatformFixture platform)
{
    private const string Local = "local/local-ngram";
    private static readonly List<ChatMessage> Hello = [new UserChatMessage("Hello there.")];

    private async Task<ClientResultException> RefusedAsync(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<ClientResultException>(call);
        Assert.True(refused.GetRawResponse()!.Headers.TryGetValue("x-request-id", out _), "no x-request-id on the refusal");
        return refused;
    }

    [Fact]
    public async Task A_wrong_key_is_401_invalid_api_key_with_a_message_the_sdk_shows()
    {
        var refused = await RefusedAsync(() => OpenAiSdkClients.Chat(platform, Local, "sk-not-a-key-of-this-platform").CompleteChatAsync(Hello));
        Assert.Equal(401, refused.Status);
        var error = OpenAiSdkClients.ErrorOf(refused);
        Assert.Equal("invalid_api_key", error.GetProperty("code").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Contains("not a key of this platform", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("not a key of this platform", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no body", refused.Message, StringComparison.OrdinalIgnoreCase);

        using var anonymous = new HttpClient { BaseAddress = new Uri(platform.GatewayUrl) };
        var missing = await anonymous.GetAsync("/v1/models");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/json", missing.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("invalid_api_key", body.GetProperty("code").GetString());
        Assert.Contains("X-Api-Key", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_model_is_404_model_not_found()
    {
        foreach (var model in new[] { "nowhere/some-model", "local/gpt-9" })
        {
            var refused = await RefusedAsync(() => OpenAiSdkClients.Chat(platform, model).CompleteChatAsync(Hello));
            Assert.Equal(404, refused.Status);
            var error = OpenAiSdkClients.ErrorOf(refused);
            Assert.Equal("model_not_found", error.GetProperty("code").GetString());
            Assert.Equal("model", error.GetProperty("param").GetString());
            Assert.Contains(model, refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Invalid_values_are_400_invalid_request_error_naming_the_parameter()
    {
        var refused = await RefusedAsync(() => OpenAiSdkClients.Chat(platform, Local).CompleteChatAsync(Hello, new ChatCompletionOptions { Temperature = 3f }));
        Assert.Equal(400, refused.Status);
        var error = OpenAiSdkClients.ErrorOf(refused);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        Assert.Equal("temperature", error.GetProperty("param").GetString());
        Assert.Contains("temperature", refused.Message, StringComparison.Ordinal);

        var client = OpenAiSdkClients.Chat(platform, Local);
        foreach (var (body, param) in new (object, string)[]
                 {
                     (new { model = Local, n = 17, messages = new[] { new { role = "user", content = "Hi" } } }, "n"),
                     (new { model = Local, top_logprobs = 2, messages = new[] { new { role = "user", content = "Hi" } } }, "top_logprobs"),
                     (new { model = Local, logit_bias = new Dictionary<string, int> { ["50256"] = -100 }, messages = new[] { new { role = "user", content = "Hi" } } }, "logit_bias"),
                     (new { model = Local, stream_options = new { include_usage = true }, messages = new[] { new { role = "user", content = "Hi" } } }, "stream_options"),
                     (new { model = Local, messages = new[] { new { role = "user", content = "Hi", audio = "x" } } }, "messages[0].audio"),
                     (new { model = Local, response_format = new { type = "yaml" }, messages = new[] { new { role = "user", content = "Hi" } } }, "response_format.type"),
                     (new { model = Local, tool_choice = "required", messages = new[] { new { role = "user", content = "Hi" } } }, "tool_choice"),
                 })
        {
            var refusal = await RefusedAsync(() => OpenAiSdkClients.RawChatAsync(client, body));
            Assert.Equal(400, refusal.Status);
            Assert.Equal(param, OpenAiSdkClients.ErrorOf(refusal).GetProperty("param").GetString());
        }
    }

    [Fact]
    public async Task The_built_in_engine_refuses_tools_json_mode_and_tool_messages_naming_them()
    {
        var tools = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("get_weather", "The weather in a city.", BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}}}""")) } };
        var refused = await RefusedAsync(() => OpenAiSdkClients.Chat(platform, Local).CompleteChatAsync(Hello, tools));
        Assert.Equal(400, refused.Status);
        Assert.Equal("tools", OpenAiSdkClients.ErrorOf(refused).GetProperty("param").GetString());

        var json = new ChatCompletionOptions { ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat() };
        refused = await RefusedAsync(() => OpenAiSdkClients.Chat(platform, Local).CompleteChatAsync(Hello, json));
        Assert.Equal("response_format", OpenAiSdkClients.ErrorOf(refused).GetProperty("param").GetString());

        List<ChatMessage> toolResult = [new UserChatMessage("Weather?"), new AssistantChatMessage([ChatToolCall.CreateFunctionToolCall("call_1", "get_weather", BinaryData.FromString("""{"city":"Oslo"}"""))]), new ToolChatMessage("call_1", "Rain, 8 °C.")];
        refused = await RefusedAsync(() => OpenAiSdkClients.Chat(platform, Local).CompleteChatAsync(toolResult));
        Assert.StartsWith("messages[1]", OpenAiSdkClients.ErrorOf(refused).GetProperty("param").GetString(), StringComparison.Ordinal);

    }

    [Fact]
    public async Task A_provider_s_429_reaches_the_caller_with_retry_after_and_rate_limit_exceeded()
    {
        var scenario = platform.FakeOpenAi.Scenario(FakeProviders.Throttled);
        scenario.FailWithStatus = 429;
        scenario.RetryAfter = TimeSpan.FromMilliseconds(100);
        var refused = await RefusedAsync(() => OpenAiSdkClients.Chat(platform, $"{FakeProviders.Throttled}/{FakeProviders.Model}").CompleteChatAsync(Hello));
        Assert.Equal(429, refused.Status);
        Assert.Equal("rate_limit_exceeded", OpenAiSdkClients.ErrorOf(refused).GetProperty("code").GetString());
        Assert.True(refused.GetRawResponse()!.Headers.TryGetValue("Retry-After", out var retryAfter));
        Assert.InRange(int.Parse(retryAfter!), 1, 60);
        Assert.True(scenario.Requests > 1, "the platform retries a 429 before passing it on");
    }

    [Fact]
    public async Task The_gateway_s_own_refusals_under_v1_are_openai_errors()
    {
        using var http = platform.CreateClient();
        var unsupported = await http.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/v1/models"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, unsupported.StatusCode);
        var error = JsonDocument.Parse(await unsupported.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("method_not_allowed", error.GetProperty("code").GetString());

        var wrongType = await http.PostAsync("/v1/chat/completions", new StringContent("model=x", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal("Content-Type", JsonDocument.Parse(await wrongType.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("param").GetString());
        Assert.True(wrongType.Headers.Contains("x-request-id"));
    }
}
