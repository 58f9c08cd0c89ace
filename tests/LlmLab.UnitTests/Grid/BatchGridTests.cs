using System.Globalization;
using System.Text.Json;
using LlmLab.Batch.Domain;

namespace LlmLab.UnitTests.Grid;

public class BatchGridTests
{
    private static BatchDefinition Parse(string json) => JsonSerializer.Deserialize<BatchDefinition>(json, LlmLab.ServiceKit.ServiceKitExtensions.Json)!;

    [Fact]
    public void Ranges_and_lists_multiply_into_combinations_and_calls()
    {
        var (grid, errors) = BatchGrid.From(Parse("""
            {"name":"sweep","prompt":"Explain rain.","response_count":2,
             "parameter_ranges":{"temperature":{"min":0.1,"max":1.0,"step":0.1},"top_p":[0.5,1.0],"frequency_penalty":[0,0.5],
                                 "max_tokens":[64,128],"model":["a","b"],"prompt":["p1","p2","p3"]}}
            """), 10_000);
        Assert.Empty(errors);
        Assert.Equal(["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"], grid!.Temperatures.Select(t => t.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(10 * 2 * 2 * 1 * 2 * 2 * 3, grid.Combinations);
        Assert.Equal(grid.Combinations * 2, grid.Calls);
        var items = grid.Expand(Guid.NewGuid(), "t", null, new Random(1).NextInt64);
        Assert.Equal(grid.Calls, items.Count);
        Assert.Equal(grid.Combinations, items.Select(i => i.CombinationIndex).Distinct().Count());
        Assert.Equal(["p1", "p2", "p3"], items.Select(i => i.Prompt).Distinct().Order());
        Assert.Equal(["a", "b"], items.Select(i => i.Model).Distinct().Order());
    }

    [Fact]
    public void Defaults_make_a_single_combination()
    {
        var (grid, errors) = BatchGrid.From(Parse("""{"name":"one","prompt":"Explain rain."}"""), 10_000);
        Assert.Empty(errors);
        Assert.Equal(1, grid!.Calls);
        var item = Assert.Single(grid.Expand(Guid.NewGuid(), "t", 42, () => 0));
        Assert.Equal((0.7, 1.0, 256, 42L, (string?)null), (item.Temperature, item.TopP, item.MaxTokens, item.Seed, item.Prompt));
    }

    [Theory]
    [InlineData("""{"name":"x","prompt":"p","parameter_ranges":{"temperature":{"min":0,"max":1,"step":0}}}""", "parameter_ranges.temperature.step")]
    [InlineData("""{"name":"x","prompt":"p","parameter_ranges":{"temperature":{"min":1,"max":0.5,"step":0.1}}}""", "parameter_ranges.temperature.min")]
    [InlineData("""{"name":"x","prompt":"p","parameter_ranges":{"temperature":[0.5,2.5]}}""", "parameter_ranges.temperature")]
    [InlineData("""{"name":"x","prompt":"p","parameter_ranges":{"top_p":[0]}}""", "parameter_ranges.top_p")]
    [InlineData("""{"name":"x","prompt":"p","parameter_ranges":{"top_p":"wide"}}""", "parameter_ranges.top_p")]
    [InlineData("""{"name":"x","prompt":"p","parameter_ranges":{"max_tokens":[0]}}""", "parameter_ranges.max_tokens")]
    [InlineData("""{"name":"x"}""", "prompt")]
    [InlineData("""{"prompt":"p"}""", "name")]
    [InlineData("""{"name":"x","prompt":"p","response_count":0}""", "response_count")]
    [InlineData("""{"name":"x","prompt":"p","response_count":100,"parameter_ranges":{"temperature":{"min":0,"max":2,"step":0.01}}}""", "parameter_ranges")]
    public void Invalid_definitions_name_the_field(string json, string field)
    {
        var (grid, errors) = BatchGrid.From(Parse(json), 10_000);
        Assert.Null(grid);
        Assert.Contains(field, errors.Keys);
    }
}
