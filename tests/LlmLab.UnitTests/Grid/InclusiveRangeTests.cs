using System.Globalization;
using LlmLab.ServiceKit;

namespace LlmLab.UnitTests.Grid;

public class InclusiveRangeTests
{
    [Fact]
    public void Tenth_steps_from_0_1_to_1_0_are_exactly_ten_values_without_drift()
    {
        var values = InclusiveRange.Values(0.1, 1.0, 0.1);

        Assert.Equal(10, values.Count);
        Assert.Equal(["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"],
            values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(0.3, values[2]);
    }

    [Theory]
    [InlineData(0.0, 2.0, 0.5, 5)]
    [InlineData(0.7, 0.7, 0.1, 1)]
    [InlineData(0.2, 1.0, 0.4, 3)]
    [InlineData(0.0, 1.0, 0.3, 4)]
    public void Count_includes_both_ends_when_the_step_lands_on_them(double min, double max, double step, int expected) =>
        Assert.Equal(expected, InclusiveRange.Count(min, max, step));

    [Theory]
    [InlineData(0.0, 1.0, 0.0)]
    [InlineData(0.0, 1.0, -0.1)]
    [InlineData(1.0, 0.5, 0.1)]
    public void Zero_or_negative_step_or_reversed_bounds_give_no_values(double min, double max, double step) =>
        Assert.Empty(InclusiveRange.Values(min, max, step));
}
