namespace LlmLab.AppHost.Processes;

/// <summary>One line a process wrote, numbered so the dashboard can ask only for what is new.</summary>
public sealed record ConsoleLine(long Number, DateTimeOffset Time, string Text);

/// <summary>The last lines of a process's console output (the whole of it is in the data folder's logs/).</summary>
public sealed class ConsoleLog(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Queue<ConsoleLine> _lines = new();
    private long _next;

    public void Append(string text)
    {
        lock (_gate)
        {
            _lines.Enqueue(new ConsoleLine(++_next, DateTimeOffset.UtcNow, text));
            if (_lines.Count > capacity) _lines.Dequeue();
        }
    }

    /// <summary>The kept lines after line <paramref name="after"/> that contain <paramref name="search"/> (any case), at most <paramref name="limit"/>, latest last.</summary>
    public IReadOnlyList<ConsoleLine> Read(string? search = null, long after = 0, int limit = 1000)
    {
        lock (_gate)
        {
            var matching = _lines.Where(l => l.Number > after
                && (string.IsNullOrEmpty(search) || l.Text.Contains(search, StringComparison.OrdinalIgnoreCase))).ToList();
            return matching.Skip(Math.Max(0, matching.Count - Math.Clamp(limit, 1, 10_000))).ToList();
        }
    }
}
