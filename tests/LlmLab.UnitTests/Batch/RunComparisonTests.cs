using LlmLab.Batch.Analysis;

namespace LlmLab.UnitTests.Batch;

public class RunComparisonTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    private static ComparedResponse R(Guid run, int combination, int repetition, string content, double temperature = 0.5) =>
        new(run, combination, repetition, Guid.NewGuid(), content, temperature, 1, 40, 0, 0, 50);

    [Fact]
    public void Items_pair_by_combination_and_repetition_in_grid_order_with_each_runs_output_in_the_order_asked()
    {
        var items = RunComparison.Pair([B, A], [R(A, 1, 0, "a1"), R(A, 0, 0, "a0"), R(B, 0, 0, "b0"), R(B, 1, 0, "a1"), R(A, 0, 1, "a0'")]);
        Assert.Equal(["0:0", "0:1", "1:0"], items.Select(i => i.ItemKey));
        Assert.Equal(["b0", "a0"], items[0].Outputs.Select(o => o!.Content));
        Assert.True(items[0].Changed);
        Assert.False(items[2].Changed);
        // B has no 0:1: its output is null and the item counts as changed.
        Assert.Null(items[1].Outputs[0]);
        Assert.True(items[1].Changed);
    }

    [Fact]
    public void Parameters_come_from_the_first_run_that_has_the_item_and_a_difference_is_flagged()
    {
        var items = RunComparison.Pair([A, B, C], [R(B, 0, 0, "x", temperature: 0.2), R(C, 0, 0, "x", temperature: 0.9)]);
        var item = Assert.Single(items);
        Assert.Equal(0.2, item.Parameters["temperature"]);
        Assert.True(item.ParametersDiffer);
        Assert.False(RunComparison.Pair([A, B], [R(A, 0, 0, "x"), R(B, 0, 0, "y")])[0].ParametersDiffer);
    }
}
