using System.Text.Json;
using LlmLab.Batch.Domain;
using LlmLab.ServiceKit;

namespace LlmLab.Batch.Apis;

/// <summary>
/// One poller per watched run in this process, shared by every progress stream open on it: the run row is read every
/// 100 ms and the status view (four aggregates over the run's responses) built and serialised once per change, however
/// many clients follow the run. Before, each stream did both itself, so a thousand viewers of one run cost a thousand
/// times the queries. The poller stops when its last subscriber leaves or the run reaches a final status.
/// </summary>
public sealed class RunProgressFeed(IServiceScopeFactory scopes, TimeProvider time, ILogger<RunProgressFeed> logger)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly Dictionary<Guid, RunWatch> _watches = [];
    private readonly TimeProvider _time = time;

    /// <summary>A serialised status view and its sequence (the SSE event id).</summary>
    public sealed record ProgressEvent(long Sequence, string Json, bool Final);

    public Subscription Subscribe(BatchRun run)
    {
        lock (_watches)
        {
            if (!_watches.TryGetValue(run.Id, out var watch))
            {
                watch = new RunWatch();
                _watches[run.Id] = watch;
                _ = Task.Run(() => PollAsync(run.Id, run.TenantId, watch));
            }
            watch.Subscribers++;
            return new Subscription(this, watch);
        }
    }

    private void Leave(RunWatch watch)
    {
        lock (_watches) watch.Subscribers--;
    }

    private async Task PollAsync(Guid runId, string tenantId, RunWatch watch)
    {
        using var cadence = new PeriodicTimer(PollInterval, _time);
        var published = -1L;
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var reader = scope.ServiceProvider.GetRequiredService<RunStatusReader>();
                if (await reader.FindRunAsync(runId, tenantId, CancellationToken.None) is { } run && Sequence(run) > published)
                {
                    var view = await reader.ReadAsync(run, CancellationToken.None);
                    watch.Publish(new ProgressEvent(view.Sequence, JsonSerializer.Serialize(view, ServiceKitExtensions.Json), run.Status.IsFinal()));
                    published = view.Sequence;
                }
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Reading the progress of run {RunId} failed; trying again", runId);
            }
            lock (_watches)
            {
                // Later subscribers of a finished run start a new watch, which publishes the final view on its first read.
                if (watch.Subscribers == 0 || watch.Latest?.Final == true)
                {
                    _watches.Remove(runId);
                    return;
                }
            }
            await cadence.WaitForNextTickAsync();
        }
    }

    private static long Sequence(BatchRun run) => run.CompletedItems + run.FailedItems + (run.Status.IsFinal() ? 1 : 0);

    internal sealed class RunWatch
    {
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private volatile ProgressEvent? _latest;
        public int Subscribers;

        public ProgressEvent? Latest => _latest;
        public Task Changed => Volatile.Read(ref _changed).Task;

        public void Publish(ProgressEvent progress)
        {
            _latest = progress;
            Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    /// <summary>One stream's view of a watched run; dispose it when the stream ends.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly RunProgressFeed _feed;
        private readonly RunWatch _watch;
        private int _disposed;

        internal Subscription(RunProgressFeed feed, RunWatch watch) => (_feed, _watch) = (feed, watch);

        public ProgressEvent? Latest => _watch.Latest;

        /// <summary>Completes when a newer view than <paramref name="seen"/> is published, or after <paramref name="timeout"/>.</summary>
        public async Task WaitForChangeAsync(ProgressEvent? seen, TimeSpan timeout, CancellationToken ct)
        {
            var changed = _watch.Changed;
            if (!ReferenceEquals(_watch.Latest, seen)) return;
            try
            {
                await changed.WaitAsync(timeout, _feed._time, ct);
            }
            catch (TimeoutException)
            {
                // The caller sends a heartbeat.
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) _feed.Leave(_watch);
        }
    }
}
