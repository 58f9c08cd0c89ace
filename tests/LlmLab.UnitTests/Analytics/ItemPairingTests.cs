using LlmLab.Analytics.Analysis;
using LlmLab.Contracts.Messages;

namespace LlmLab.UnitTests.Analytics;

public class ItemPairingTests
{
    private static RunItem Item(double temperature, int repetition, string key, double value, string prompt = "Explain rain.", string model = "m") =>
        new(ItemIdentity.ForGrid(prompt, model, temperature, 1, 100, 0, 0, repetition), key, value, model, temperature, 1, 100, 0, 0);

    [Fact]
    public void Items_pair_by_parameters_not_by_grid_position()
    {
        // Run A's grid is temperatures [0.2, 0.7]; run B's is [0.7, 1.0]: position 0 means 0.2 in A and 0.7 in B.
        RunItem[] a = [Item(0.2, 0, "0:0", 10), Item(0.7, 0, "1:0", 20)];
        RunItem[] b = [Item(0.7, 0, "0:0", 25), Item(1.0, 0, "1:0", 30)];
        var pairing = ItemPairing.Pair(a, b);
        var pair = Assert.Single(pairing.Pairs);
        Assert.Equal((20.0, 25.0, "1:0 ~ 0:0"), pair);
        Assert.Equal((1, 1), (pairing.UnpairedA, pairing.UnpairedB));
        Assert.Null(pairing.NoSharedItemReason);
    }

    [Fact]
    public void Runs_with_no_shared_item_are_refused_with_the_differing_parameter_named()
    {
        RunItem[] a = [Item(0.2, 0, "0:0", 10), Item(0.4, 0, "1:0", 20)];
        RunItem[] b = [Item(0.7, 0, "0:0", 25), Item(1.0, 0, "1:0", 30)];
        var pairing = ItemPairing.Pair(a, b);
        Assert.Empty(pairing.Pairs);
        Assert.Contains("temperature is 0.2, 0.4 in run_a but 0.7, 1 in run_b", pairing.NoSharedItemReason);
    }

    [Fact]
    public void Different_prompts_or_repetitions_are_different_items()
    {
        Assert.Empty(ItemPairing.Pair([Item(0.7, 0, "0:0", 1, prompt: "A")], [Item(0.7, 0, "0:0", 1, prompt: "B")]).Pairs);
        Assert.Empty(ItemPairing.Pair([Item(0.7, 0, "0:0", 1)], [Item(0.7, 1, "0:1", 1)]).Pairs);
        Assert.Single(ItemPairing.Pair([Item(0.7, 1, "0:1", 1)], [Item(0.7, 1, "3:1", 1)]).Pairs);
    }

    [Fact]
    public void Dataset_items_pair_by_item_id_whatever_the_method()
    {
        Assert.Equal(ItemIdentity.ForDatasetItem("q-17", 0), ItemIdentity.ForDatasetItem("q-17", 0));
        Assert.NotEqual(ItemIdentity.ForDatasetItem("q-17", 0), ItemIdentity.ForDatasetItem("q-18", 0));
    }
}
