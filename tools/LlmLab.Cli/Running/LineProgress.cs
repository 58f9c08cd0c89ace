namespace LlmLab.Cli.Running;

/// <summary>Progress as plain lines (for logs and CI): one line whenever the status or the whole percent changes.</summary>
public sealed class LineProgress(TextWriter output) : IProgressDisplay
{
    public async Task<T> ShowAsync<T>(string title, Func<Action<ProgressUpdate>, Task<T>> work)
    {
        string? last = null;
        return await work(update =>
        {
            var line = $"{title}: {update}";
            var key = FormattableString.Invariant($"{update.Status}:{Math.Floor(update.Percent)}");
            if (key == last) return;
            last = key;
            output.WriteLine(line);
        });
    }
}
