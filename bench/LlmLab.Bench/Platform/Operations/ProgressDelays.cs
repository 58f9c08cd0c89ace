namespace LlmLab.Bench.Platform.Operations;

/// <summary>How long after an item's result was stored a progress stream reported it.</summary>
public static class ProgressDelays
{
    /// <summary>
    /// For each stored item k (in order of <paramref name="storedSorted"/>), the time from its storing to the first event
    /// whose count of finished items reaches k + 1; items no event reached are left out. Events are in arrival order.
    /// </summary>
    public static List<double> Milliseconds(IReadOnlyList<DateTimeOffset> storedSorted, IReadOnlyList<(DateTimeOffset At, int Done)> events)
    {
        var delays = new List<double>(storedSorted.Count);
        var e = 0;
        for (var k = 0; k < storedSorted.Count; k++)
        {
            while (e < events.Count && events[e].Done < k + 1) e++;
            if (e == events.Count) break;
            // Stored and received are read on the same machine's clock; a small negative is the stored timestamp's rounding.
            delays.Add(Math.Max(0, (events[e].At - storedSorted[k]).TotalMilliseconds));
        }
        return delays;
    }
}
