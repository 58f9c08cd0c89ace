using System.Text.Json;
using LlmLab.IntegrationTests.Platform;
using OpenAI.Chat;
using OpenAI.Responses;

namespace LlmLab.IntegrationTests.OpenAiSdk;

/// <summary>
/// Tools, tool choice, tool messages and response_format reach an OpenAI-compatible provider as sent (the fake provider
/// records what it received), tool calls come back to the SDK, cost is in the usage; and /v1/responses answers text.
/// </summary>
[Collection(PlatformCollection.Name)]
public class OpenAiSdkPassthroughTests(PlatformFixture platform)
{
    private static readonly string Upstream = $"{FakeProviders.Passthrough}/{FakeProviders.Model}";
    private const string WeatherSchema = """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""";

    private JsonElement LastRequest() =>
        JsonDocument.Parse(platform.FakeOpenAi.Scenario(FakeProviders.Passthrough).LastChatRequest!).RootElement.Clone();

    [Fact]
    public async Task Tools_and_tool_choice_reach_the_provider_and_its_tool_call_comes_back()
    {
        var scenario = platform.FakeOpenAi.Scenario(FakeProviders.Passthrough);
        scenario.ToolCall = ("get_weather", """{"city":"Oslo"}""");
        try
        {
            var options = new ChatCompletionOptions
            {
                Tools = { ChatTool.CreateFunctionTool("get_weather", "The weather in a city.", BinaryData.FromString(WeatherSchema), functionSchemaIsStrict: true) },
                ToolChoice = ChatToolChoice.CreateFunctionChoice("get_weather"),
                AllowParallelToolCalls = false,
            };
            var client = OpenAiSdkClients.Chat(platform, Upstream);
            ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("What is the weather in Oslo?")], options);

            Assert.Equal(ChatFinishReason.ToolCalls, completion.FinishReason);
            var call = Assert.Single(completion.ToolCalls);
            Assert.Equal("get_weather", call.FunctionName);
            Assert.Equal("Oslo", JsonDocument.Parse(call.FunctionArguments.ToString()).RootElement.GetProperty("city").GetString());
            Assert.Equal("call_fake_1", call.Id);

            var sent = LastRequest();
            var tool = Assert.Single(sent.GetProperty("tools").EnumerateArray());
            Assert.Equal("get_weather", tool.GetProperty("function").GetProperty("name").GetString());
            Assert.True(tool.GetProperty("function").GetProperty("strict").GetBoolean());
            Assert.Equal("city", tool.GetProperty("function").GetProperty("parameters").GetProperty("required")[0].GetString());
            Assert.Equal("get_weather", sent.GetProperty("tool_choice").GetProperty("function").GetProperty("name").GetString());
            Assert.False(sent.GetProperty("parallel_tool_calls").GetBoolean());

            // The tool's result goes back as a tool message, with the assistant's call before it.
            scenario.ToolCall = null;
            ChatCompletion answer = await client.CompleteChatAsync(
                [new UserChatMessage("What is the weather in Oslo?"), new AssistantChatMessage(completion), new ToolChatMessage(call.Id, "Rain, 8 °C.")], options);
            Assert.Equal(scenario.Content, answer.Content[0].Text);
            var messages = LastRequest().GetProperty("messages").EnumerateArray().ToList();
            Assert.Equal("call_fake_1", messages[1].GetProperty("tool_calls")[0].GetProperty("id").GetString());
            Assert.Equal("tool", messages[2].GetProperty("role").GetString());
            Assert.Equal("call_fake_1", messages[2].GetProperty("tool_call_id").GetString());
            Assert.Contains("Rain, 8 °C.", messages[2].GetProperty("content").ToString(), StringComparison.Ordinal);
        }
        finally
        {
            scenario.ToolCall = null;
        }
    }

    [Fact]
    public async Task Response_format_json_schema_reaches_the_provider_as_sent_and_usage_carries_the_cost()
    {
        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("weather", BinaryData.FromString(WeatherSchema), "A city's weather.", jsonSchemaIsStrict: true),
        };
        var result = await OpenAiSdkClients.Chat(platform, Upstream).CompleteChatAsync([new UserChatMessage("Weather in Oslo as JSON.")], options);
        var format = LastRequest().GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("weather", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal("city", format.GetProperty("json_schema").GetProperty("schema").GetProperty("required")[0].GetString());

        await OpenAiSdkClients.Chat(platform, Upstream).CompleteChatAsync([new UserChatMessage("JSON please.")],
            new ChatCompletionOptions { ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat() });
        Assert.Equal("json_object", LastRequest().GetProperty("response_format").GetProperty("type").GetString());

        // The fake provider reports 12 prompt tokens and one per word; priced at 2 and 8 USD per million.
        var usage = JsonDocument.Parse(result.GetRawResponse().Content.ToString()).RootElement.GetProperty("usage");
        var expected = (usage.GetProperty("prompt_tokens").GetInt32() * 2.0 + usage.GetProperty("completion_tokens").GetInt32() * 8.0) / 1_000_000;
        Assert.Equal(expected, usage.GetProperty("cost").GetDouble(), 12);
        Assert.True(expected > 0);
    }

    [Fact]
    public async Task Logprobs_are_asked_of_an_openai_compatible_provider_and_its_answer_passed_on()
    {
        var options = new ChatCompletionOptions { IncludeLogProbabilities = true, TopLogProbabilityCount = 2 };
        ChatCompletion completion = await OpenAiSdkClients.Chat(platform, Upstream).CompleteChatAsync([new UserChatMessage("Say something.")], options);
        var sent = LastRequest();
        Assert.True(sent.GetProperty("logprobs").GetBoolean());
        Assert.Equal(2, sent.GetProperty("top_logprobs").GetInt32());
        Assert.Equal(completion.Content[0].Text, string.Concat(completion.ContentTokenLogProbabilities.Select(t => t.Token)));
        Assert.All(completion.ContentTokenLogProbabilities, t =>
        {
            Assert.Equal(-0.25f, t.LogProbability);
            Assert.Equal([-0.25f, -1.25f], t.TopLogProbabilities.Select(a => a.LogProbability));
        });
    }

    [Fact]
    public async Task Responses_api_answers_text_with_usage()
    {
#pragma warning disable OPENAI001 // The Responses client is marked experimental by the SDK.
        var responses = OpenAiSdkClients.Client(platform).GetResponsesClient();
        var options = new CreateResponseOptions
        {
            Model = "local/local-ngram",
            Instructions = "Answer briefly.",
            MaxOutputTokenCount = 16,
            Temperature = 0.5f,
            InputItems = { ResponseItem.CreateUserMessageItem("Explain how rain forms.") },
        };
        ResponseResult response = await responses.CreateResponseAsync(options);
        Assert.False(string.IsNullOrWhiteSpace(response.GetOutputText()));
        Assert.True(response.Usage.OutputTokenCount is > 0 and <= 16);
        Assert.True(response.Usage.InputTokenCount > 0);
        Assert.Equal(response.Usage.InputTokenCount + response.Usage.OutputTokenCount, response.Usage.TotalTokenCount);

        ResponseResult upstream = await responses.CreateResponseAsync(new CreateResponseOptions { Model = Upstream, InputItems = { ResponseItem.CreateUserMessageItem("Hello.") } });
        Assert.Equal(platform.FakeOpenAi.Scenario(FakeProviders.Passthrough).Content, upstream.GetOutputText());
        Assert.Equal(ResponseStatus.Completed, upstream.Status);

        var refused = await Assert.ThrowsAsync<System.ClientModel.ClientResultException>(() => responses.CreateResponseAsync(new CreateResponseOptions
        {
            Model = "local/local-ngram", InputItems = { ResponseItem.CreateUserMessageItem("Hi") }, StoredOutputEnabled = true,
        }));
        Assert.Equal("store", OpenAiSdkClients.ErrorOf(refused).GetProperty("param").GetString());
#pragma warning restore OPENAI001
    }
}
