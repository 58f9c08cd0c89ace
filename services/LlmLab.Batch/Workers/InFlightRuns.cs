using System.Collections.Concurrent;
using LlmLab.Batch.Data;
using LlmLab.Batch.Domain;
using Microsoft.EntityFrameworkCore;

namespace LlmLab.Batch.Workers;

/// <summary>
/// The runs this worker process has calls in flight for, each with a token that fires when the run is cancelled.
/// Cancelling happens in the database (any replica may serve the DELETE), so the runs in flight are looked up there
/// a few times a second; a cancelled run's calls are then aborted, down to the provider's HTTP request.
/// </summary>
public sealed class InFlightRuns(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<InFlightRuns> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, Tracked> _runs = new();

    /// <summary>Tracks one call of the run until disposed; its token fires when the run is cancelled.</summary>
    public Call Track(Guid runId)
    {
        while (true)
        {
            var tracked = _runs.GetOrAdd(runId, _ => new Tracked());
            lock (tracked)
            {
                if (tracked.Calls < 0) continue; // being removed; take a fresh one
                tracked.Calls++;
                return new Call(this, runId, tracked);
            }
        }
    }

    private void Release(Guid runId, Tracked tracked)
    {
        lock (tracked)
        {
            if (--tracked.Calls > 0) return;
            tracked.Calls = -1;
            _runs.TryRemove(new KeyValuePair<Guid, Tracked>(runId, tracked));
        }
        tracked.Cancellation.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(configuration.GetValue("Batch:CancelPollMilliseconds", 250)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var ids = _runs.Keys.ToList();
            if (ids.Count == 0) continue;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BatchDbContext>();
                var cancelled = await db.Runs.AsNoTracking().Where(r => ids.Contains(r.Id) && r.Status == RunStatus.Cancelled).Select(r => r.Id).ToListAsync(stoppingToken);
                foreach (var id in cancelled)
                {
                    if (_runs.TryGetValue(id, out var tracked)) CancelQuietly(tracked);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not check whether runs in flight were cancelled; checking again shortly");
            }
        }
    }

    private static void CancelQuietly(Tracked tracked)
    {
        try
        {
            tracked.Cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // its last call just ended
        }
    }

    /// <summary>A run's cancellation and how many calls of it are in flight here.</summary>
    public sealed class Tracked
    {
        public CancellationTokenSource Cancellation { get; } = new();
        public int Calls { get; set; }
    }

    public sealed class Call(InFlightRuns owner, Guid runId, Tracked tracked) : IDisposable
    {
        public CancellationToken Cancelled { get; } = tracked.Cancellation.Token;

        public void Dispose() => owner.Release(runId, tracked);
    }
}
