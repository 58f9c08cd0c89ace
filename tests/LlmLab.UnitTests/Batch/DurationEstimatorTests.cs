using LlmLab.Batch.Estimates;

namespace LlmLab.UnitTests.Batch;

public class DurationEstimatorTests
{
    [Fact]
    public void Finished_runs_give_the_median_seconds_per_call_of_the_runs_closest_in_size()
    {
        // The 18-call run that took 5.5 s is what a 20-call grid meets; the 2,000-call runs spread start-up thin.
        PastRun[] runs = [new(18, 5.5), new(20, 6.0), new(16, 4.0), new(2000, 40), new(2000, 44), new(1800, 36)];
        var small = DurationEstimator.Estimate(20, "local/tiny", runs, [120, 130], 0.001, 2, 64);
        Assert.Equal("runs", small.Basis.Kind);
        Assert.Equal(5, small.Basis.Runs);
        // nearest five by log size: 20, 18, 16, 1800, 2000 → per call 0.3, 0.306, 0.25, 0.02, 0.02; median 0.25.
        Assert.Equal(5.0, small.Seconds);
        Assert.Equal(0.02, small.CostUsd);
        Assert.StartsWith("from 5 recent runs of local/tiny (16–2000 calls each): median 0.25 s per call", small.Basis.Description);

        var large = DurationEstimator.Estimate(2000, "local/tiny", runs, [], 0, 0, 64);
        // nearest: 2000, 2000, 1800, 20, 18 → 0.02, 0.022, 0.02, 0.3, 0.306; median 0.022.
        Assert.Equal(0.022, large.Basis.SecondsPerCall);
        Assert.Equal(44.0, large.Seconds);
        Assert.EndsWith("no cost history", large.Basis.Description);
    }

    [Fact]
    public void Without_a_finished_run_the_median_latency_of_recent_calls_with_the_parallelism_is_used_and_said()
    {
        var estimate = DurationEstimator.Estimate(10, "local/default", [new(0, 3), new(5, 0)], [1000, 3000, 2000], 0.5, 3, 64);
        Assert.Equal("calls", estimate.Basis.Kind);
        // 10 calls, at most 10 in parallel: 2 s median latency / 10 per call.
        Assert.Equal(2.0, estimate.Seconds);
        Assert.Equal(5.0, estimate.CostUsd);
        Assert.Contains("from 3 recent calls of local/default (median latency 2 s, assuming 10 in parallel", estimate.Basis.Description);
    }

    [Fact]
    public void Without_history_the_assumption_is_stated()
    {
        var estimate = DurationEstimator.Estimate(100, "openai/gpt-x", [], [], 0, 0, 64);
        Assert.Equal("none", estimate.Basis.Kind);
        Assert.Equal(20.0, estimate.Seconds);
        Assert.Equal("no history for openai/gpt-x: assumed 0.2 s per call; no cost history", estimate.Basis.Description);
    }

    [Fact]
    public void Median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        Assert.Equal(2.5, DurationEstimator.Median([4, 1, 3, 2]));
}
