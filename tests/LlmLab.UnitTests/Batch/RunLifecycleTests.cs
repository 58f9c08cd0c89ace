using LlmLab.Batch.Domain;

namespace LlmLab.UnitTests.Batch;

public class RunLifecycleTests
{
    [Theory]
    [InlineData(RunStatus.Pending, RunStatus.Running)]
    [InlineData(RunStatus.Running, RunStatus.Paused)]
    [InlineData(RunStatus.Paused, RunStatus.Running)]
    [InlineData(RunStatus.Paused, RunStatus.Completed)]
    [InlineData(RunStatus.Running, RunStatus.CompletedWithErrors)]
    [InlineData(RunStatus.Pending, RunStatus.Cancelled)]
    [InlineData(RunStatus.Failed, RunStatus.Running)]
    public void Allowed_transitions_are_allowed(RunStatus from, RunStatus to) => Assert.True(RunLifecycle.CanMove(from, to));

    [Theory]
    [InlineData(RunStatus.Pending, RunStatus.Paused)]      // no skipped state
    [InlineData(RunStatus.Pending, RunStatus.Completed)]
    [InlineData(RunStatus.Completed, RunStatus.Running)]   // nothing to retry
    [InlineData(RunStatus.Cancelled, RunStatus.Running)]   // final
    [InlineData(RunStatus.Completed, RunStatus.Cancelled)]
    [InlineData(RunStatus.Running, RunStatus.Pending)]     // no backward jump
    public void Other_transitions_are_refused(RunStatus from, RunStatus to) => Assert.False(RunLifecycle.CanMove(from, to));

    [Fact]
    public void A_run_finishes_by_itself_only_from_running_or_paused_and_is_cancelled_only_before_it_finished()
    {
        Assert.Equal([RunStatus.Running, RunStatus.Paused], RunLifecycle.Finishing);
        Assert.Equal([RunStatus.Pending, RunStatus.Running, RunStatus.Paused], RunLifecycle.SourcesOf(RunStatus.Cancelled));
    }

    [Theory]
    [InlineData(5, 0, RunStatus.Completed)]
    [InlineData(4, 1, RunStatus.CompletedWithErrors)]
    [InlineData(0, 5, RunStatus.Failed)]
    public void The_outcome_follows_the_counts(int completed, int failed, RunStatus outcome) => Assert.Equal(outcome, RunLifecycle.Outcome(completed, failed));
}
