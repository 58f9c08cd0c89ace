using System.Text;
using System.Text.Json;
using LlmLab.LlmIntegration.Apis.OpenAiCompatible;

namespace LlmLab.UnitTests.HostileInput;

public class ChatCompletionValidatorTests
{
    private static string? ParamOf(string json) =>
        ChatCompletionValidator.FirstError(JsonSerializer.Deserialize<ChatCompletionRequest>(json))?.Param;

    private static string? ParamOf(byte[] json) =>
        ChatCompletionValidator.FirstError(JsonSerializer.Deserialize<ChatCompletionRequest>(json))?.Param;

    [Theory]
    [InlineData("""{"model":"local","messages":[{"role":"user","content":"hi"}],"stop":[1]}""", "stop[0]")]
    [InlineData("""{"model":"local","messages":[{"role":"user","content":"hi"}],"stop":{"a":1}}""", "stop")]
    [InlineData("""{"model":"local","messages":[{"role":"user","content":"hi"}],"stop":["a","b","c","d","e"]}""", "stop")]
    [InlineData("""{"model":"local","messages":[{"role":"user","content":[{"type":"text","text":5}]}]}""", "messages[0].content[0].text")]
    [InlineData("""{"model":"local","messages":[{"role":"user","content":[7]}]}""", "messages[0].content[0]")]
    [InlineData("""{"model":"local","messages":[{"role":"user","content":[{"type":3}]}]}""", "messages[0].content[0].type")]
    [InlineData("""{"model":"local","messages":[{"role":"user","content":42}]}""", "messages[0].content")]
    [InlineData("""{"model":"local","messages":[{"role":"user","content":"a\ud800b"}]}""", "messages[0].content")]
    [InlineData("""{"model":"local","messages":[{"role":"user","content":"a\u0000b"}]}""", "messages[0].content")]
    [InlineData("""{"model":"local","messages":[{"role":"user","content":"hi"}],"stop":"\udfff"}""", "stop")]
    [InlineData("""{"model":"local","messages":[null]}""", "messages[0]")]
    public void Malformed_content_and_stop_name_the_parameter(string json, string param) => Assert.Equal(param, ParamOf(json));

    [Fact]
    public void Invalid_utf8_content_names_the_message()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"model":"local","messages":[{"role":"user","content":"ab"}]}""").ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'b'), new byte[] { 0xFF, 0xFE });
        Assert.Equal("messages[0].content", ParamOf(bytes.ToArray()));
    }

    [Fact]
    public void Too_many_messages_or_too_much_text_or_a_long_stop_are_refused()
    {
        var many = JsonSerializer.Serialize(new { model = "local", messages = Enumerable.Repeat(new { role = "user", content = "x" }, 1001) });
        Assert.Equal("messages", ParamOf(many));
        var long_ = JsonSerializer.Serialize(new { model = "local", messages = new[] { new { role = "user", content = new string('x', 100_001) } } });
        Assert.Equal("messages[0].content", ParamOf(long_));
        var spread = JsonSerializer.Serialize(new { model = "local", messages = Enumerable.Repeat(new { role = "user", content = new string('x', 60_000) }, 2) });
        Assert.Equal("messages", ParamOf(spread));
        var stop = JsonSerializer.Serialize(new { model = "local", messages = new[] { new { role = "user", content = "hi" } }, stop = new string('s', 1001) });
        Assert.Equal("stop", ParamOf(stop));
    }

    [Fact]
    public void A_well_formed_request_with_content_parts_passes() =>
        Assert.Null(ParamOf("""{"model":"local","messages":[{"role":"user","content":[{"type":"text","text":"hi 😀"},{"type":"text","text":"!"}]}],"stop":["\n\n"]}"""));

    [Fact]
    public void An_image_part_is_refused_rather_than_dropped() =>
        Assert.Equal("messages[0].content[1].type",
            ParamOf("""{"model":"local","messages":[{"role":"user","content":[{"type":"text","text":"hi"},{"type":"image_url","image_url":{"url":"x"}}]}]}"""));
}
