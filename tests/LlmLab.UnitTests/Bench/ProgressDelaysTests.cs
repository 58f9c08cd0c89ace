using LlmLab.Bench.Platform.Operations;

namespace LlmLab.UnitTests.Bench;

/// <summary>The SSE bench's delay from an item's result being stored to the first event that counts it; and the memory slope.</summary>
public class ProgressDelaysTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double ms) => T0.AddMilliseconds(ms);

    [Fact]
    public void Each_item_is_matched_to_the_first_event_whose_count_reaches_it()
    {
        DateTimeOffset[] stored = [At(0), At(10), At(20), At(150)];
        // Event at 100 ms counts 3 items (the first three); the one at 200 ms the fourth; the final event repeats the count.
        (DateTimeOffset, int)[] events = [(At(100), 3), (At(200), 4), (At(210), 4)];

        var delays = ProgressDelays.Milliseconds(stored, events);

        Assert.Equal([100, 90, 80, 50], delays);
    }

    [Fact]
    public void Items_no_event_reached_are_left_out_and_an_event_counting_several_at_once_is_not_reused_early()
    {
        DateTimeOffset[] stored = [At(0), At(5), At(50)];
        (DateTimeOffset, int)[] events = [(At(30), 1), (At(60), 2)];

        var delays = ProgressDelays.Milliseconds(stored, events);

        Assert.Equal([30, 55], delays);
    }

    [Fact]
    public void The_memory_slope_is_per_minute_and_flat_samples_have_none()
    {
        // 1 MiB every 5 s = 12 MiB a minute.
        var growing = Enumerable.Range(0, 10).Select(i => (i * 5.0, 300.0 + i)).ToList();
        Assert.Equal(12, MemoryTrend.MiBPerMinute(growing), 6);
        var flat = Enumerable.Range(0, 10).Select(i => (i * 5.0, 300.0)).ToList();
        Assert.Equal(0, MemoryTrend.MiBPerMinute(flat), 6);
        Assert.Equal(0, MemoryTrend.MiBPerMinute([(0.0, 300.0)]));
    }

    [Fact]
    public void MemoryTrendSaysHowManySamplesItRestsOnAndHowSureItIs()
    {
        // 1 MiB every 2 s (30 MiB a minute) under a ±0.5 MiB wobble: a trend, and a sure one.
        var rising = Enumerable.Range(0, 20).Select(i => (i * 2.0, 300.0 + i + (i % 2 == 0 ? 0.5 : -0.5))).ToList();
        var (slope, n, p) = MemoryTrend.Of(rising);
        Assert.Equal(20, n);
        Assert.InRange(slope, 29, 31);
        Assert.True(p < 0.001, $"p = {p}");
        Assert.StartsWith("+", MemoryTrend.Describe(rising));
        Assert.Contains("(n = 20, p = 0.000)", MemoryTrend.Describe(rising));

        // A sawtooth between 300 and 310 MiB: no trend to speak of.
        var sawtooth = Enumerable.Range(0, 20).Select(i => (i * 2.0, i % 4 < 2 ? 300.0 : 310.0)).ToList();
        var (_, _, sawtoothP) = MemoryTrend.Of(sawtooth);
        Assert.True(sawtoothP > 0.3, $"p = {sawtoothP}");
    }
}
