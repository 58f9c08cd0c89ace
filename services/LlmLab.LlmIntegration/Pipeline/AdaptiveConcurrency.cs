namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>
/// How many calls one provider gets at once from this replica, learned from its answers (additive increase,
/// multiplicative decrease): each success adds 1/limit (one more call per round of successes), a 429 halves the limit
/// (once per round: answers to calls sent before the last cut do not cut again) and closes the gate for what
/// Retry-After says. The configured MaxConcurrency is the ceiling; the shared Redis limiter still caps all replicas.
/// </summary>
public sealed class AdaptiveConcurrency(int ceiling, TimeProvider time) : IDisposable
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _changed = new(0);
    private double _limit = Math.Max(1, ceiling);
    private int _inFlight;
    private long _lastCut;
    private DateTimeOffset _closedUntil = DateTimeOffset.MinValue;

    public double Limit
    {
        get { lock (_gate) return _limit; }
    }

    public int InFlight
    {
        get { lock (_gate) return _inFlight; }
    }

    /// <summary>Waits for a slot under the current limit and outside any Retry-After pause.</summary>
    public async Task<Slot> EnterAsync(CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                if (now >= _closedUntil && _inFlight < (int)_limit)
                {
                    _inFlight++;
                    return new Slot(this, time.GetTimestamp());
                }
                wait = now < _closedUntil ? _closedUntil - now : TimeSpan.FromMilliseconds(100);
            }
            await _changed.WaitAsync(wait < TimeSpan.FromMilliseconds(100) ? wait : TimeSpan.FromMilliseconds(100), ct);
        }
    }

    private void Leave(long startedAt, bool succeeded, ProviderException? failure)
    {
        lock (_gate)
        {
            _inFlight--;
            if (succeeded)
            {
                _limit = Math.Min(Math.Max(1, ceiling), _limit + 1 / _limit);
            }
            else if (failure is { Kind: ProviderErrorKind.RateLimited })
            {
                if (startedAt >= _lastCut)
                {
                    _limit = Math.Max(1, _limit / 2);
                    _lastCut = time.GetTimestamp();
                }
                if (failure.RetryAfter is { } pause && time.GetUtcNow() + pause > _closedUntil) _closedUntil = time.GetUtcNow() + pause;
            }
        }
        if (_changed.CurrentCount == 0) _changed.Release();
    }

    public void Dispose() => _changed.Dispose();

    /// <summary>One call's place; say how it ended (the first word counts, later ones are ignored).</summary>
    public sealed class Slot(AdaptiveConcurrency owner, long startedAt)
    {
        private int _left;

        public void Succeeded()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) owner.Leave(startedAt, succeeded: true, null);
        }

        public void Failed(Exception? failure)
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) owner.Leave(startedAt, succeeded: false, failure as ProviderException);
        }
    }
}
