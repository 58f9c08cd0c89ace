extern alias evaluation;
using evaluation::LlmLab.Evaluation.Datasets;
using evaluation::LlmLab.Evaluation.Extraction;

namespace LlmLab.UnitTests.Evaluation;

/// <summary>The shipped datasets (tools/datasets/generate.py) are valid uploads of the promised sizes, with their articles.</summary>
public class ShippedDatasetTests
{
    private static string Builtin(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "..", "..", "..", "..", "..", "services", "LlmLab.Evaluation", "Builtin", .. parts]);

    [Theory]
    [InlineData("general-knowledge", 200)]
    [InlineData("arithmetic", 100)]
    [InlineData("two-hop", 100)]
    public void Each_shipped_dataset_parses_without_errors_and_is_large_enough(string name, int minimum)
    {
        var parsed = DatasetParser.ParseJson(File.ReadAllText(Builtin($"{name}.json")));
        Assert.Empty(parsed.Errors);
        Assert.True(parsed.Items.Count >= minimum, $"{name}: {parsed.Items.Count} items");
        Assert.Equal(parsed.Items.Count, parsed.Items.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public void Arithmetic_answers_are_numbers_and_two_hop_facts_live_in_two_articles()
    {
        var arithmetic = DatasetParser.ParseJson(File.ReadAllText(Builtin("arithmetic.json")));
        Assert.All(arithmetic.Items, i => Assert.True(NumericAnswer.IsNumeric(i.Answers[0])));
        var twoHop = DatasetParser.ParseJson(File.ReadAllText(Builtin("two-hop.json")));
        Assert.All(twoHop.Items, i =>
        {
            Assert.Equal(2, i.SupportingFacts.Select(f => f.Title).Distinct().Count());
            foreach (var fact in i.SupportingFacts)
                Assert.Contains(fact.Text, File.ReadAllText(Builtin("articles", fact.Title.ToLowerInvariant() + ".txt")));
        });
    }
}
