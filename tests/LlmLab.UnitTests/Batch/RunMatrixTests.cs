using LlmLab.Batch.Analysis;

namespace LlmLab.UnitTests.Batch;

public class RunMatrixTests
{
    private static MatrixResponse R(string prompt, string model, double temperature, int repetition, double score, int combination = 0) =>
        new(Guid.NewGuid(), repetition, combination, new Dictionary<string, string>
        {
            ["prompt"] = prompt, ["model"] = model, ["temperature"] = RunMatrix.Value(temperature), ["top_p"] = "1", ["max_tokens"] = "60",
            ["frequency_penalty"] = "0", ["presence_penalty"] = "0",
        }, $"{prompt} by {model} #{repetition}", new Dictionary<string, double> { ["overall_score"] = score }, 100 + repetition);

    [Fact]
    public void Columns_are_one_dimension_rows_the_other_varying_ones_and_repetitions_share_a_cell()
    {
        MatrixResponse[] responses =
        [
            R("Why rain?", "tiny", 0.2, 1, 60, 0), R("Why rain?", "tiny", 0.2, 0, 80, 0), R("Why rain?", "small", 0.2, 0, 50, 1),
            R("Why snow?", "tiny", 0.2, 0, 70, 2),
            R("Why rain?", "tiny", 1.0, 0, 40, 4),
        ];
        var values = RunMatrix.ValuesOf(responses);
        Assert.Equal("prompt", RunMatrix.DefaultColumns(values));
        var (rowDimensions, columns, rows) = RunMatrix.Build(responses, "model");
        Assert.Equal(["prompt", "temperature"], rowDimensions);
        Assert.Equal(["tiny", "small"], columns); // grid order, not alphabetical
        Assert.Equal(3, rows.Count);
        Assert.Equal(new Dictionary<string, string> { ["prompt"] = "Why rain?", ["temperature"] = "0.2" }, rows[0].Values);
        var cell = rows[0].Cells[0]!;
        Assert.Equal(2, cell.Responses);
        Assert.Equal(70, cell.Means["overall_score"]);
        Assert.Equal("Why rain? by tiny #0", cell.Excerpt); // the first repetition's text
        Assert.Equal("1", rows[1].Values["temperature"]);
        Assert.Null(rows[2].Cells[1]); // no "Why snow?" by small
    }

    [Fact]
    public void Numeric_values_are_ordered_as_numbers()
    {
        MatrixResponse[] responses = [R("p", "m", 1.2, 0, 1), R("p", "m", 0.25, 0, 2), R("p", "m", 10, 0, 3)];
        Assert.Equal(["0.25", "1.2", "10"], RunMatrix.ValuesOf(responses)["temperature"]);
        Assert.Equal("temperature", RunMatrix.DefaultColumns(RunMatrix.ValuesOf(responses)));
    }
}
