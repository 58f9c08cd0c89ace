using LlmLab.Batch.Analysis;

namespace LlmLab.UnitTests.Batch;

public class GridCellsTests
{
    private static ScoredPoint P(double temperature, double topP, int maxTokens, double value, double latency = 100, double frequency = 0) =>
        new(new Dictionary<string, double>
        {
            ["temperature"] = temperature, ["top_p"] = topP, ["max_tokens"] = maxTokens, ["frequency_penalty"] = frequency, ["presence_penalty"] = 0,
        }, value, latency);

    [Fact]
    public void Heatmap_means_each_cell_over_the_responses_at_the_fixed_values_only()
    {
        ScoredPoint[] points = [P(0, 1, 40, 60), P(0, 1, 40, 80), P(0, 1, 120, 10), P(1, 1, 40, 50), P(1, 0.5, 40, 90)];
        var cells = GridCells.Heatmap(points, "temperature", "top_p", new Dictionary<string, double> { ["max_tokens"] = 40 });
        Assert.Equal([new HeatmapCell(1, 0.5, 90, 1), new HeatmapCell(0, 1, 70, 2), new HeatmapCell(1, 1, 50, 1)], cells);
    }

    [Fact]
    public void Heatmap_without_fixed_values_averages_over_every_other_parameter()
    {
        var cells = GridCells.Heatmap([P(0, 1, 40, 60), P(0, 1, 120, 10)], "temperature", "top_p", new Dictionary<string, double>());
        Assert.Equal(new HeatmapCell(0, 1, 35, 2), Assert.Single(cells));
    }

    [Fact]
    public void Best_is_the_whole_combination_with_the_highest_mean_not_the_best_single_response()
    {
        // (0, 1, 40) has the best single response (95) but a mean of 55; (1, 1, 40) is steadier at 70.
        var best = GridCells.Best([P(0, 1, 40, 95), P(0, 1, 40, 15), P(1, 1, 40, 70), P(1, 1, 40, 70)]);
        Assert.NotNull(best);
        Assert.Equal(1, best.Parameters["temperature"]);
        Assert.Equal(70, best.Mean);
        Assert.Equal(2, best.Responses);
    }

    [Fact]
    public void A_tie_goes_to_the_lower_latency_then_to_the_lower_values()
    {
        Assert.Equal(1, GridCells.Best([P(0, 1, 40, 70, latency: 300), P(1, 1, 40, 70, latency: 100)])!.Parameters["temperature"]);
        Assert.Equal(-1, GridCells.Best([P(0.5, 1, 40, 70, frequency: 1), P(0.5, 1, 40, 70, frequency: -1)])!.Parameters["frequency_penalty"]);
        Assert.Null(GridCells.Best([]));
    }

    [Fact]
    public void Grid_lists_each_parameters_values_in_numeric_order()
    {
        var grid = GridCells.Grid([P(0, 1, 120, 1), P(0, 1, 40, 1), P(0.7, 1, 40, 1)]);
        Assert.Equal([40, 120], grid["max_tokens"]);
        Assert.Equal([0, 0.7], grid["temperature"]);
    }
}
