using System.Text.Json;
using LlmLab.LlmIntegration.Apis.OpenAiCompatible;

namespace LlmLab.UnitTests.OpenAiCompatible;

public class OpenAiRequestValidationTests
{
    /// <summary>A valid request with <paramref name="extra"/> fields added (",\"n\":2"), or a whole request when it starts with "{".</summary>
    private static string? ParamOf(string extra) => ChatCompletionValidator.FirstError(Parse(extra))?.Param;

    private static ChatCompletionRequest Parse(string extra) => JsonSerializer.Deserialize<ChatCompletionRequest>(
        extra.StartsWith('{') ? extra : "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]" + extra + "}")!;

    [Theory]
    [InlineData(""","logit_bias":{"50256":-100}""", "logit_bias")]
    [InlineData(",\"service_tier\":\"flex\"", "service_tier")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi","audio":{"format":"wav"}}]}""", "messages[0].audio")]
    [InlineData(""","stream":true,"stream_options":{"include_obfuscation":true}""", "stream_options.include_obfuscation")]
    public void A_field_the_platform_does_not_implement_is_refused_by_name(string json, string param) => Assert.Equal(param, ParamOf(json));

    [Theory]
    [InlineData(""","n":0""", "n")]
    [InlineData(""","n":17""", "n")]
    [InlineData(""","top_logprobs":3""", "top_logprobs")]
    [InlineData(""","logprobs":true,"top_logprobs":21""", "top_logprobs")]
    [InlineData(""","stream_options":{"include_usage":true}""", "stream_options")]
    [InlineData(""","response_format":{"type":"xml"}""", "response_format.type")]
    [InlineData(""","response_format":{"type":"json_schema"}""", "response_format.json_schema")]
    [InlineData(""","response_format":{"type":"json_schema","json_schema":{"name":"w"}}""", "response_format.json_schema.schema")]
    [InlineData(""","tools":{}""", "tools")]
    [InlineData(""","tools":[{"type":"retrieval"}]""", "tools[0].type")]
    [InlineData(""","tools":[{"type":"function","function":{"name":"has space"}}]""", "tools[0].function.name")]
    [InlineData(""","tools":[{"type":"function","function":{"name":"f","parameters":"x"}}]""", "tools[0].function.parameters")]
    [InlineData(""","tools":[{"type":"function","function":{"name":"f"}},{"type":"function","function":{"name":"f"}}]""", "tools[1].function.name")]
    [InlineData(",\"tool_choice\":\"required\"", "tool_choice")]
    [InlineData(""","tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"function","function":{"name":"g"}}""", "tool_choice.function.name")]
    [InlineData(""","parallel_tool_calls":false""", "parallel_tool_calls")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"},{"role":"tool","content":"42"}]}""", "messages[1].tool_call_id")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi","tool_call_id":"c"}]}""", "messages[0].tool_call_id")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"},{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"not json"}}]}]}""", "messages[1].tool_calls[0].function.arguments")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi","tool_calls":[]}]}""", "messages[0].tool_calls")]
    public void Each_feature_s_bad_shape_names_its_parameter(string json, string param) => Assert.Equal(param, ParamOf(json));

    [Theory]
    [InlineData(""","n":16,"logprobs":true,"top_logprobs":20,"stream":true,"stream_options":{"include_usage":false}""")]
    [InlineData(""","response_format":{"type":"json_schema","json_schema":{"name":"w","schema":{"type":"object"},"strict":true}}""")]
    [InlineData(""","tools":[{"type":"function","function":{"name":"get_weather","description":"d","parameters":{"type":"object"},"strict":true}}],"tool_choice":{"type":"function","function":{"name":"get_weather"}},"parallel_tool_calls":false""")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"},{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\"a\":1}"}}]},{"role":"tool","tool_call_id":"c1","content":"42"}]}""")]
    public void Well_formed_features_pass(string json) => Assert.Null(ParamOf(json));

    [Theory]
    [InlineData(",\"metadata\":{}")]
    [InlineData(",\"logit_bias\":null")]
    [InlineData(",\"modalities\":[]")]
    public void A_field_that_asks_for_nothing_is_accepted(string extra) => Assert.Null(ParamOf(extra));

    [Fact]
    public void Tool_messages_become_function_results_and_calls_keep_their_arguments()
    {
        var body = JsonSerializer.Deserialize<ChatCompletionRequest>(
            """{"model":"m","messages":[{"role":"user","content":"hi"},{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{\"a\":1}"}}]},{"role":"tool","tool_call_id":"c1","content":"42"}]}""")!;
        var messages = ChatRequestMapping.Messages(body);
        var call = Assert.IsType<Microsoft.Extensions.AI.FunctionCallContent>(Assert.Single(messages[1].Contents));
        Assert.Equal(("c1", "f"), (call.CallId, call.Name));
        Assert.Equal("1", call.Arguments!["a"]!.ToString());
        var result = Assert.IsType<Microsoft.Extensions.AI.FunctionResultContent>(Assert.Single(messages[2].Contents));
        Assert.Equal(("c1", "42"), (result.CallId, result.Result as string));
    }

    [Fact]
    public void Each_of_n_seeded_choices_gets_its_own_seed_and_logprob_requests_skip_the_cache()
    {
        var body = Parse(""","seed":10,"n":3,"logprobs":true,"top_logprobs":2""");
        Assert.Equal([10L, 11L, 12L], Enumerable.Range(0, 3).Select(i => ChatRequestMapping.Options(body, i).Seed!.Value));
        Assert.Equal(2, LlmLab.LlmIntegration.Pipeline.LogprobRequest.TopOf(ChatRequestMapping.Options(body, 0)));
        Assert.True(ChatRequestMapping.Uncacheable(body));
        Assert.False(ChatRequestMapping.Uncacheable(Parse(""","seed":1""")));
    }

    [Theory]
    [InlineData("""{"model":"m","input":"hi","store":true}""", "store")]
    [InlineData("""{"model":"m","input":"hi","tools":[{"type":"web_search"}]}""", "tools")]
    [InlineData("""{"model":"m","input":"hi","text":{"format":{"type":"json_object"}}}""", "text.format")]
    [InlineData("""{"model":"m","input":42}""", "input")]
    [InlineData("""{"model":"m","input":[{"role":"user","content":[{"type":"input_image","image_url":"x"}]}]}""", "input[0].content[0].type")]
    [InlineData("""{"model":"m","input":[{"type":"function_call_output","output":"x"}]}""", "input[0].type")]
    public void Responses_requests_refuse_what_they_cannot_honour_by_name(string json, string param) =>
        Assert.Equal(param, ResponsesMapping.ToChat(JsonSerializer.Deserialize<ResponsesRequest>(json)!).Error?.Param);

    [Theory]
    [InlineData("""{"model":"m","prompt":"hi","echo":true}""", "echo")]
    [InlineData("""{"model":"m","prompt":"hi","best_of":3}""", "best_of")]
    [InlineData("""{"model":"m","prompt":"hi","suffix":"x"}""", "suffix")]
    [InlineData("""{"model":"m","prompt":["a","b"]}""", "prompt")]
    [InlineData("""{"model":"m","prompt":5}""", "prompt")]
    public void Completions_requests_refuse_what_they_cannot_honour_by_name(string json, string param) =>
        Assert.Equal(param, JsonSerializer.Deserialize<CompletionsRequest>(json)!.ToChat().Error?.Param);

    [Fact]
    public void A_completions_request_is_one_user_message_with_openai_s_default_of_16_tokens()
    {
        var (chat, error) = JsonSerializer.Deserialize<CompletionsRequest>("""{"model":"m","prompt":["Once upon a time"],"n":2,"seed":4}""")!.ToChat();
        Assert.Null(error);
        Assert.Equal("Once upon a time", Assert.Single(chat!.Messages!).Text());
        Assert.Equal((16, 2, 4L), (chat.MaxTokens!.Value, chat.N!.Value, chat.Seed!.Value));
        Assert.Null(ChatCompletionValidator.FirstError(chat));
    }

    [Fact]
    public void A_responses_request_becomes_the_chat_request_with_instructions_first()
    {
        var (chat, error) = ResponsesMapping.ToChat(JsonSerializer.Deserialize<ResponsesRequest>(
            """{"model":"m","instructions":"Be brief.","input":[{"role":"user","content":[{"type":"input_text","text":"hi"}]}],"max_output_tokens":9,"store":false}""")!);
        Assert.Null(error);
        Assert.Equal(["system", "user"], chat!.Messages!.Select(m => m.Role!));
        Assert.Equal(["Be brief.", "hi"], chat.Messages!.Select(m => m.Text()));
        Assert.Equal(9, chat.MaxTokens);
        Assert.Null(ChatCompletionValidator.FirstError(chat));
    }
}
