using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace LlmLab.Gateway.RateLimits;

/// <summary>
/// The quota counters in Redis, shared by every gateway replica. One script checks every window and counts the request
/// in all of them only if none is exhausted, atomically: a refused request uses nothing, and two replicas cannot both
/// take the last call.
/// </summary>
public sealed class QuotaCounter(IConnectionMultiplexer redis)
{
    // KEYS: one counter per window. ARGV: the limits, then the seconds each counter must live.
    private const string TakeScript = """
        local n = #KEYS
        local used = {}
        local refused = false
        for i = 1, n do
          used[i] = tonumber(redis.call('GET', KEYS[i]) or '0')
          if used[i] >= tonumber(ARGV[i]) then refused = true end
        end
        if refused then
          table.insert(used, 1, 0)
          return used
        end
        for i = 1, n do
          used[i] = redis.call('INCR', KEYS[i])
          if used[i] == 1 then redis.call('EXPIRE', KEYS[i], ARGV[n + i]) end
        end
        table.insert(used, 1, 1)
        return used
        """;

    public async Task<QuotaDecision> TakeAsync(string partition, IReadOnlyList<QuotaWindow> windows, DateTimeOffset now)
    {
        var tag = PartitionTag(partition);
        // One hash tag for all of a caller's keys keeps them in one slot, as a script on Redis Cluster needs.
        var keys = windows.Select(w => (RedisKey)$"llmlab:quota:{{{tag}}}:{w.Name}:{w.Index(now)}").ToArray();
        var values = windows.Select(w => (RedisValue)w.Limit)
            .Concat(windows.Select(w => (RedisValue)(w.SecondsToReset(now) + 60)))
            .ToArray();
        var result = (long[])(await redis.GetDatabase().ScriptEvaluateAsync(TakeScript, keys, values))!;
        return QuotaDecision.From(result[0] == 1, windows, result[1..], now);
    }

    /// <summary>A fixed-length, brace-free name for a caller (tenant and key), so no key or tenant text lands in Redis.</summary>
    public static string PartitionTag(string partition) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(partition)))[..32];
}
