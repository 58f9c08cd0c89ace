using LlmLab.AppHost.Telemetry;
using static LlmLab.UnitTests.AppHost.Dashboard.Spans;

namespace LlmLab.UnitTests.AppHost.Dashboard;

public sealed class RequestMetricsTests
{
    [Fact]
    public void Incoming_spans_are_counted_per_service_and_second_with_failures_and_latency_percentiles()
    {
        var clock = new ManualClock(T0.AddSeconds(10));
        var metrics = new RequestMetrics(TimeSpan.FromMinutes(5), clock);
        metrics.Record(
        [
            .. Enumerable.Range(1, 20).Select(i => Of("t", $"{i}", "", "batch", 0, i * 10, error: i > 18)),
            Of("t", "c", "", "batch", 0, 5000, kind: "client"),
            Of("t", "m", "", "analytics", 1500, 7, kind: "consumer"),
        ]);

        var series = metrics.Series();
        var batch = Assert.Single(series["batch"]);
        Assert.Equal(new MetricPoint(T0, 20, 2, 100, 190), batch);
        Assert.Equal(new MetricPoint(T0.AddSeconds(1), 1, 0, 7, 7), Assert.Single(series["analytics"]));
    }

    [Fact]
    public void Seconds_older_than_the_window_are_forgotten()
    {
        var clock = new ManualClock(T0);
        var metrics = new RequestMetrics(TimeSpan.FromSeconds(60), clock);
        metrics.Record([Of("t", "1", "", "batch", 0, 1)]);
        clock.Now = T0.AddSeconds(61);
        metrics.Record([Of("t", "2", "", "batch", 60_000, 1), Of("t", "3", "", "batch", 0, 1)]);

        Assert.Equal([T0.AddSeconds(60)], metrics.Series()["batch"].Select(p => p.Second));
    }

    [Theory]
    [InlineData(0.5, 3)]
    [InlineData(0.95, 5)]
    [InlineData(0.2, 1)]
    public void Percentiles_are_nearest_rank(double quantile, double expected) =>
        Assert.Equal(expected, RequestMetrics.Percentile([5, 1, 4, 2, 3], quantile));
}
