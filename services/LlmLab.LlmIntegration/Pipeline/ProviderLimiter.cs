using System.Collections.Concurrent;
using LlmLab.LlmIntegration.Domain;
using StackExchange.Redis;

namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>
/// Per-provider limits shared by every replica through Redis: calls in flight (leases in a sorted set, expiring 15 s
/// after their holder last renewed them — a call renews its lease every 5 s, so a call of ten minutes keeps it, while
/// the slots of a crashed replica free within 15 s instead of stalling its restarted successor; with two minutes, a
/// killed llm-integration held its 64 slots long enough to stall a run for that long, docs/operations.md "Chaos")
/// and requests/tokens per minute (fixed one-minute
/// windows). A caller over a limit waits; it is never let through. Callers first queue for a place of this replica
/// (a local semaphore of the same size, free of cost), so only callers that could hold a slot ask Redis, instead of
/// every waiter polling it. One loop renews every lease this replica holds (not a timer per call).
/// </summary>
public sealed class ProviderLimiter(IConnectionMultiplexer redis, TimeProvider time)
{
    private static readonly TimeSpan LeaseLifetime = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan LeaseRenewal = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _released = new();
    private readonly ConcurrentDictionary<(string Provider, int Limit), SemaphoreSlim> _local = new();
    private readonly ConcurrentDictionary<Lease, byte> _held = new();
    private int _renewing;

    private const string AcquireScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
          redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[2]), ARGV[4])
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return 1
        end
        return 0
        """;

    private const string RateScript = """
        local requests = tonumber(redis.call('GET', KEYS[1]) or '0')
        local tokens = tonumber(redis.call('GET', KEYS[2]) or '0')
        if (tonumber(ARGV[1]) > 0 and requests + 1 > tonumber(ARGV[1])) or (tonumber(ARGV[2]) > 0 and tokens + tonumber(ARGV[3]) > tonumber(ARGV[2])) then
          return 0
        end
        redis.call('INCR', KEYS[1]); redis.call('EXPIRE', KEYS[1], 120)
        redis.call('INCRBY', KEYS[2], ARGV[3]); redis.call('EXPIRE', KEYS[2], 120)
        return 1
        """;

    public async Task<IAsyncDisposable> AcquireAsync(string provider, ProviderDefinition limits, int estimatedTokens, CancellationToken ct)
    {
        if (limits.TokensPerMinute > 0 && estimatedTokens > limits.TokensPerMinute)
            throw new ProviderException(ProviderErrorKind.InvalidRequest, $"{provider}: the request needs {estimatedTokens} tokens, over the limit of {limits.TokensPerMinute} per minute");
        await WaitForRateAsync(provider, limits, estimatedTokens, ct);
        return await WaitForSlotAsync(provider, Math.Max(1, limits.MaxConcurrency), ct);
    }

    private async Task WaitForRateAsync(string provider, ProviderDefinition limits, int tokens, CancellationToken ct)
    {
        if (limits.RequestsPerMinute <= 0 && limits.TokensPerMinute <= 0) return;
        var db = redis.GetDatabase();
        while (true)
        {
            var now = time.GetUtcNow();
            var minute = now.ToUnixTimeSeconds() / 60;
            var allowed = (long)await db.ScriptEvaluateAsync(RateScript,
                [$"llmlab:rate:{provider}:{minute}:requests", $"llmlab:rate:{provider}:{minute}:tokens"],
                [limits.RequestsPerMinute, limits.TokensPerMinute, tokens]);
            if (allowed == 1) return;
            var nextWindow = DateTimeOffset.FromUnixTimeSeconds((minute + 1) * 60);
            await Task.Delay(nextWindow - now + TimeSpan.FromMilliseconds(Random.Shared.Next(50, 250)), time, ct);
        }
    }

    private async Task<IAsyncDisposable> WaitForSlotAsync(string provider, int limit, CancellationToken ct)
    {
        var local = _local.GetOrAdd((provider, limit), key => new SemaphoreSlim(key.Limit, key.Limit));
        await local.WaitAsync(ct);
        try
        {
            var db = redis.GetDatabase();
            var key = $"llmlab:inflight:{provider}";
            var lease = Guid.NewGuid().ToString("N");
            var released = _released.GetOrAdd(provider, _ => new SemaphoreSlim(0));
            while (true)
            {
                var now = time.GetUtcNow().ToUnixTimeMilliseconds();
                var acquired = (long)await db.ScriptEvaluateAsync(AcquireScript, [key], [now, (long)LeaseLifetime.TotalMilliseconds, limit, lease]);
                if (acquired == 1) return Hold(new Lease(this, db, key, lease, released, local));
                // Slots held by other replicas: woken early when a call of this replica ends, else re-checked.
                await released.WaitAsync(TimeSpan.FromMilliseconds(25), ct);
            }
        }
        catch
        {
            local.Release();
            throw;
        }
    }

    private Lease Hold(Lease lease)
    {
        _held[lease] = 0;
        if (Interlocked.CompareExchange(ref _renewing, 1, 0) == 0) _ = RenewAsync();
        return lease;
    }

    /// <summary>
    /// Every <see cref="LeaseRenewal"/>, pushes the expiry of every lease still held three renewals ahead (one ZADD XX
    /// per provider), so a renewal late by 10 s still keeps them. Runs for the life of the replica once a lease exists.
    /// </summary>
    private async Task RenewAsync()
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseRenewal, time);
                var expires = time.GetUtcNow().ToUnixTimeMilliseconds() + (long)LeaseLifetime.TotalMilliseconds;
                foreach (var leases in _held.Keys.GroupBy(l => l.Key))
                {
                    try
                    {
                        var db = redis.GetDatabase();
                        await db.SortedSetAddAsync(leases.Key, leases.Select(l => new SortedSetEntry(l.Id, expires)).ToArray(), SortedSetWhen.Exists);
                        await db.KeyExpireAsync(leases.Key, LeaseLifetime);
                    }
                    catch (Exception ex) when (ex is RedisException or TimeoutException)
                    {
                        // Redis briefly away: these leases may lapse, which only lets more calls in; the calls go on.
                    }
                }
            }
        }
        finally
        {
            // Ended by something unforeseen: the next lease starts the loop again.
            Volatile.Write(ref _renewing, 0);
        }
    }

    /// <summary>A slot held until disposed, renewed by the limiter's loop while held.</summary>
    private sealed class Lease(ProviderLimiter owner, IDatabase db, string key, string id, SemaphoreSlim released, SemaphoreSlim local) : IAsyncDisposable
    {
        public string Key => key;
        public string Id => id;

        public async ValueTask DisposeAsync()
        {
            owner._held.TryRemove(this, out _);
            try
            {
                await db.SortedSetRemoveAsync(key, id);
            }
            finally
            {
                local.Release();
            }
            if (released.CurrentCount == 0) released.Release();
        }
    }
}
