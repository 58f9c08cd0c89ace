using System.Diagnostics;

namespace LlmLab.Bench.Platform.Operations;

/// <summary>What an open-loop load sent: each send's answer, how many sends left later than allowed, and how long it took.</summary>
public sealed record OpenLoopResult<T>(IReadOnlyList<T> Answers, int LateSends, TimeSpan MaxLateness, TimeSpan Elapsed);

/// <summary>
/// An open-loop load generator: send i leaves at i / rate seconds after the start, whether or not earlier answers have
/// come back (a closed loop would slow its sends down with a slow server and hide the queueing it causes). A send that
/// leaves more than <paramref name="lateAfter"/> after its time is counted as late, not skipped.
/// </summary>
public sealed class OpenLoopLoad(double requestsPerSecond, int count, TimeSpan lateAfter)
{
    public int Count => count;

    public TimeSpan DueAt(int index) => TimeSpan.FromSeconds(index / requestsPerSecond);

    /// <summary>Runs on the machine's clock.</summary>
    public Task<OpenLoopResult<T>> RunAsync<T>(Func<int, Task<T>> send)
    {
        var watch = Stopwatch.StartNew();
        return RunAsync(send, () => watch.Elapsed, delay => Task.Delay(delay));
    }

    /// <param name="elapsed">Time since the start.</param>
    /// <param name="wait">Waits (at least) the given time.</param>
    public async Task<OpenLoopResult<T>> RunAsync<T>(Func<int, Task<T>> send, Func<TimeSpan> elapsed, Func<TimeSpan, Task> wait)
    {
        var pending = new Task<T>[count];
        var late = 0;
        var maxLateness = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            var early = DueAt(i) - elapsed();
            if (early > TimeSpan.Zero) await wait(early);
            var lateness = elapsed() - DueAt(i);
            if (lateness > lateAfter) late++;
            if (lateness > maxLateness) maxLateness = lateness;
            pending[i] = send(i);
        }
        var answers = await Task.WhenAll(pending);
        return new OpenLoopResult<T>(answers, late, maxLateness, elapsed());
    }
}
