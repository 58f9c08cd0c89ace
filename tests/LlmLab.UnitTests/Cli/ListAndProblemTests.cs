using System.Text.Json;
using LlmLab.Cli.Platform;
using LlmLab.Cli.Running;

namespace LlmLab.UnitTests.Cli;

/// <summary>The CLI reads lists as bare arrays or pages, finds a run id in either answer of generate, and shows problems by field.</summary>
public sealed class ListAndProblemTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public void A_bare_array_and_a_page_give_the_same_items()
    {
        Assert.Equal(2, JsonList.Items(Json("[{\"a\":1},{\"a\":2}]")).Count);
        Assert.Null(JsonList.Total(Json("[]")));
        var page = Json("{\"items\":[{\"a\":1}],\"total\":3,\"page\":1,\"page_size\":1}");
        Assert.Equal(1, JsonList.Items(page)[0].GetProperty("a").GetInt32());
        Assert.Equal(3, JsonList.Total(page));
        Assert.Throws<PlatformException>(() => JsonList.Items(Json("{\"a\":1}")));
    }

    [Theory]
    [InlineData("{\"run_id\":\"r1\",\"status\":\"running\"}")]
    [InlineData("{\"items\":[{\"run_id\":\"r1\",\"content\":\"x\"}]}")]
    [InlineData("{\"responses\":[{\"run_id\":\"r1\"}]}")]
    [InlineData("[{\"run_id\":\"r1\"}]")]
    public void Generate_answers_a_run_id_whether_accepted_or_answered_at_once(string answer) =>
        Assert.Equal("r1", ExperimentRunner.RunIdOf(Json(answer)));

    [Fact]
    public void A_problem_is_shown_with_its_detail_and_each_field()
    {
        var text = ProblemText.Describe("""{"title":"Validation failed","status":422,"errors":{"grid.max_tokens":["must be at most 32768."],"provider":["unknown."]}}""");
        Assert.Equal("Validation failed; grid.max_tokens: must be at most 32768.; provider: unknown.", text);
        Assert.Equal("(no body)", ProblemText.Describe(""));
        Assert.Equal("The key is not valid.", ProblemText.Describe("""{"error":{"message":"The key is not valid.","code":"invalid_api_key"}}"""));
    }
}
