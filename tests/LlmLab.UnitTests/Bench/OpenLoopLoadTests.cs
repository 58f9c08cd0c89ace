using LlmLab.Bench.Platform.Operations;

namespace LlmLab.UnitTests.Bench;

/// <summary>The operations bench's open-loop load generator, on a clock the test moves.</summary>
public class OpenLoopLoadTests
{
    /// <summary>A clock that moves only when the generator waits (by exactly the wait) or a send takes time.</summary>
    private sealed class ManualClock
    {
        public TimeSpan Now { get; private set; }

        public Task Wait(TimeSpan delay)
        {
            Now += delay;
            return Task.CompletedTask;
        }

        public void Spend(TimeSpan time) => Now += time;
    }

    [Fact]
    public async Task Each_send_leaves_at_its_own_time_at_the_fixed_rate()
    {
        var clock = new ManualClock();
        var sentAt = new List<TimeSpan>();
        var load = new OpenLoopLoad(200, 5, TimeSpan.FromMilliseconds(10));

        var result = await load.RunAsync(i => { sentAt.Add(clock.Now); return Task.FromResult(i); }, () => clock.Now, clock.Wait);

        Assert.Equal([0, 5, 10, 15, 20], sentAt.Select(t => Math.Round(t.TotalMilliseconds, 6)));
        Assert.Equal([0, 1, 2, 3, 4], result.Answers);
        Assert.Equal(0, result.LateSends);
    }

    [Fact]
    public async Task A_slow_answer_does_not_hold_back_the_next_sends()
    {
        var clock = new ManualClock();
        var answer = new TaskCompletionSource<int>();
        var sent = 0;
        var load = new OpenLoopLoad(100, 4, TimeSpan.FromMilliseconds(10));

        // The first answer never comes back while the loop runs; a closed loop would stop at one send.
        var run = load.RunAsync(i => { sent++; return i == 0 ? answer.Task : Task.FromResult(i); }, () => clock.Now, clock.Wait);

        Assert.Equal(4, sent);
        Assert.False(run.IsCompleted);
        answer.SetResult(42);
        var result = await run;
        Assert.Equal([42, 1, 2, 3], result.Answers);
    }

    [Fact]
    public async Task Sends_held_up_by_a_blocking_send_are_counted_late_and_still_made()
    {
        var clock = new ManualClock();
        var load = new OpenLoopLoad(100, 5, TimeSpan.FromMilliseconds(10));

        // Send 1 blocks the generator for 35 ms: sends 2 (due 20 ms) and 3 (due 30 ms) leave at 45 ms, 25 and 15 ms late;
        // send 4 (due 40 ms) leaves 5 ms late, within the allowance.
        var result = await load.RunAsync(i =>
        {
            if (i == 1) clock.Spend(TimeSpan.FromMilliseconds(35));
            return Task.FromResult(i);
        }, () => clock.Now, clock.Wait);

        Assert.Equal(5, result.Answers.Count);
        Assert.Equal(2, result.LateSends);
        Assert.Equal(25, result.MaxLateness.TotalMilliseconds, 6);
    }

    [Fact]
    public void Send_times_follow_the_rate()
    {
        var load = new OpenLoopLoad(200, 12_000, TimeSpan.FromMilliseconds(10));
        Assert.Equal(TimeSpan.Zero, load.DueAt(0));
        Assert.Equal(TimeSpan.FromSeconds(1), load.DueAt(200));
        Assert.Equal(59.995, load.DueAt(11_999).TotalSeconds, 6);
    }
}
