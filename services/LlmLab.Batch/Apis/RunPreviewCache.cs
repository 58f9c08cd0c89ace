using LlmLab.Batch.Domain;
using Microsoft.Extensions.Caching.Memory;

namespace LlmLab.Batch.Apis;

/// <summary>
/// Keeps what the status and details views aggregate over a run's responses and work items until the run row says it
/// changed (counters, status or score revision), so reading a finished run costs one primary-key read, and a running
/// one aggregates once per recorded chunk however many clients poll it.
/// </summary>
public sealed class RunPreviewCache : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    public async Task<T> GetOrReadAsync<T>(BatchRun run, string part, Func<Task<T>> read) where T : class
    {
        var key = new Key(run.Id, part, run.CompletedItems, run.FailedItems, run.Status, run.ScoreRevision);
        if (_entries.TryGetValue(key, out T? cached) && cached is not null) return cached;
        var value = await read();
        _entries.Set(key, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
        return value;
    }

    public void Dispose() => _entries.Dispose();

    private sealed record Key(Guid RunId, string Part, int Completed, int Failed, RunStatus Status, int ScoreRevision);
}
