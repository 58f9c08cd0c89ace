using LlmLab.ServiceKit;

namespace LlmLab.UnitTests.HostileInput;

public class InclusiveRangeSafetyTests
{
    [Theory]
    [InlineData(0.0, 2.0, 1e-10)]
    [InlineData(0.0, 2.0, 1e-30)]
    [InlineData(0.0, 2.0, 1e-300)]
    [InlineData(0.0, 1e30, 1.0)]
    [InlineData(-1e300, 1e300, 1e-300)]
    public void A_range_of_more_values_than_any_limit_is_counted_as_too_many_without_throwing(double min, double max, double step) =>
        Assert.Equal(InclusiveRange.TooMany, InclusiveRange.Count(min, max, step));

    [Theory]
    [InlineData(double.NaN, 1.0, 0.1)]
    [InlineData(0.0, double.NaN, 0.1)]
    [InlineData(0.0, 1.0, double.NaN)]
    [InlineData(0.0, 1.0, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, 1.0, 0.1)]
    [InlineData(0.0, double.PositiveInfinity, 0.1)]
    [InlineData(0.0, 1.0, double.Epsilon * 0)]
    public void A_non_finite_bound_or_step_is_no_range(double min, double max, double step)
    {
        Assert.Equal(0, InclusiveRange.Count(min, max, step));
        Assert.Empty(InclusiveRange.Values(min, max, step));
    }

    [Fact]
    public void Values_refuses_before_allocating_when_the_range_exceeds_the_callers_limit()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => InclusiveRange.Values(0, 2, 1e-9, maxValues: 10_000));
        Assert.Equal("step", refused.ParamName);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000, "the refused range was allocated");
    }

    [Fact]
    public void Huge_bounds_with_a_fitting_step_still_give_their_values()
    {
        Assert.Equal([1e20, 2e20, 3e20], InclusiveRange.Values(1e20, 3e20, 1e20));
        Assert.Equal([5.0], InclusiveRange.Values(5, 5, 1e-300));
    }

    [Fact]
    public void A_tiny_step_over_a_tiny_span_is_exact()
    {
        var values = InclusiveRange.Values(0.5, 0.5000000004, 0.0000000001);
        Assert.Equal(5, values.Count);
        Assert.Equal(0.5000000004, values[^1]);
    }
}
