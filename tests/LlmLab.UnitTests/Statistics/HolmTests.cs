using LlmLab.ServiceKit.Statistics;

namespace LlmLab.UnitTests.Statistics;

/// <summary>Holm's step-down adjustment against worked examples (the same numbers R's p.adjust(method = "holm") gives).</summary>
public class HolmTests
{
    [Fact]
    public void Holm_multiplies_the_ith_smallest_by_m_minus_i_and_keeps_the_order()
    {
        // Sorted 0.01, 0.02, 0.03, 0.04 → 0.04, 0.06, 0.06 (running max of 0.06), 0.06 (max of 0.06 and 0.04).
        var adjusted = Holm.Adjust([0.03, 0.01, 0.04, 0.02]);
        Assert.Equal([0.06, 0.04, 0.06, 0.06], adjusted.Select(p => Math.Round(p, 10)));
    }

    [Fact]
    public void Holm_caps_at_one_and_leaves_a_single_test_alone()
    {
        Assert.Equal([1.0, 1.0], Holm.Adjust([0.6, 0.7]));
        Assert.Equal([0.03], Holm.Adjust([0.03]));
        Assert.Empty(Holm.Adjust([]));
    }
}
