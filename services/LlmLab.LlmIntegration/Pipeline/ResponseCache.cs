using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LlmLab.LlmIntegration.Domain;
using LlmLab.ServiceKit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>
/// Responses in Redis, keyed by the tenant and a hash of everything that changes the output: the provider's identity,
/// model, every message and every sampling parameter including the seed. Only deterministic requests (a seed, or
/// temperature 0) are cached, unless the caller asks for caching anyway. One tenant never reads another's entries:
/// the tenant is part of the key (its prefix, so a tenant's entries can be found and erased, and of the hash).
/// Each tenant keeps at most <see cref="LlmOptions.CacheMaxEntriesPerTenant"/> entries, the oldest written going first:
/// the cache shares Redis with budgets, leases and the audit journal, so it cannot be bounded by an instance-wide
/// eviction policy, and a per-tenant bound keeps one tenant's sweep from evicting another tenant's entries.
/// </summary>
public sealed class ResponseCache(IConnectionMultiplexer redis, IOptionsMonitor<LlmOptions> options, TimeProvider time, ILogger<ResponseCache> logger)
{
    // The entry's place in the tenant's index (scored by the writer's clock in milliseconds), the entry, then the oldest
    // written past the bound deleted. Atomic, so concurrent writers never leave the index over its bound; the index
    // first, because a script that fails keeps what it wrote before, and an entry outside the index would escape the
    // bound. The deletes go a thousand keys at a time: unpack stops at Lua's stack limit (≈ 8,000).
    private static readonly LuaScript Store = LuaScript.Prepare("""
        redis.call('ZADD', @index, @written, @entry)
        redis.call('EXPIRE', @index, @ttl)
        redis.call('SET', @entry, @value, 'EX', @ttl)
        local over = redis.call('ZCARD', @index) - tonumber(@bound)
        if over > 0 then
          local oldest = redis.call('ZRANGE', @index, 0, over - 1)
          for i = 1, #oldest, 1000 do
            redis.call('DEL', unpack(oldest, i, math.min(i + 999, #oldest)))
          end
          redis.call('ZREMRANGEBYRANK', @index, 0, over - 1)
        end
        return over
        """);

    public static bool ShouldCache(ChatOptions options, bool? preference) =>
        preference ?? (options.Seed is not null || options.Temperature == 0);

    /// <summary>
    /// The hash of the JSON of the request's material, written field by field (the bytes the serializer gave an
    /// anonymous object of these fields, so keys stored before stay valid) without the serializer's per-call cost.
    /// </summary>
    public static string KeyOf(string tenantId, string provider, string model, IReadOnlyList<ChatMessage> messages, ChatOptions o)
    {
        var material = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(material))
        {
            json.WriteStartObject();
            json.WriteString("tenantId", tenantId);
            json.WriteString("provider", provider);
            json.WriteString("model", model);
            json.WriteStartArray("messages");
            foreach (var message in messages)
            {
                json.WriteStartArray();
                json.WriteStringValue(message.Role.Value);
                json.WriteStringValue(message.Text);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            Number(json, "Temperature", o.Temperature);
            Number(json, "TopP", o.TopP);
            Number(json, "TopK", o.TopK);
            Number(json, "MaxOutputTokens", o.MaxOutputTokens);
            Number(json, "FrequencyPenalty", o.FrequencyPenalty);
            Number(json, "PresencePenalty", o.PresencePenalty);
            if (o.Seed is { } seed) json.WriteNumber("Seed", seed);
            else json.WriteNull("Seed");
            if (o.StopSequences is { } stop)
            {
                json.WriteStartArray("stop");
                foreach (var sequence in stop) json.WriteStringValue(sequence);
                json.WriteEndArray();
            }
            else json.WriteNull("stop");
            json.WriteEndObject();
        }
        // The hash has a fixed length at the end, so "{tenant}:{hash}" cannot be read as another tenant's key.
        return $"llmlab:cache:{tenantId}:" + Convert.ToHexStringLower(SHA256.HashData(material.WrittenSpan));
    }

    private static void Number(Utf8JsonWriter json, string name, float? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
        else json.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
        else json.WriteNull(name);
    }

    public async Task<CachedReply?> GetAsync(string key)
    {
        var value = await redis.GetDatabase().StringGetAsync(key);
        return value.HasValue ? JsonSerializer.Deserialize<CachedReply>((byte[])value!) : null;
    }

    public Task SetAsync(string tenantId, string key, CachedReply reply)
    {
        var current = options.CurrentValue;
        return redis.GetDatabase().ScriptEvaluateAsync(Store, new
        {
            entry = (RedisKey)key,
            index = (RedisKey)IndexKey(tenantId),
            written = time.GetUtcNow().ToUnixTimeMilliseconds(),
            value = (RedisValue)JsonSerializer.SerializeToUtf8Bytes(reply),
            ttl = (long)TimeSpan.FromMinutes(current.CacheTtlMinutes).TotalSeconds,
            bound = current.CacheMaxEntriesPerTenant,
        });
    }

    /// <summary>
    /// Stores the reply unless Redis fails; answers whether it did. The provider has answered (and been paid) by the time
    /// a reply is stored, so a failed write must not fail the call: it is logged and counted, and the next identical
    /// request asks the provider again.
    /// </summary>
    public async Task<bool> TryStoreAsync(string tenantId, string key, CachedReply reply)
    {
        try
        {
            await SetAsync(tenantId, key, reply);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            logger.LogWarning("A reply of tenant {Tenant} was not cached: {Reason}", tenantId, ex.Message);
            return false;
        }
    }

    // Outside the "llmlab:cache:{tenant}:" prefix, so no tenant's entry pattern ever matches another's index.
    private static string IndexKey(string tenantId) => $"llmlab:cache-index:{tenantId}";

    /// <summary>
    /// Deletes every cached reply of the tenant. Found by its key prefix; a key is the tenant's only when exactly a
    /// hash follows the prefix, so tenant "a" never erases tenant "a:b"'s entries.
    /// </summary>
    public async Task<long> EraseAsync(string tenantId)
    {
        var prefix = $"llmlab:cache:{tenantId}:";
        var db = redis.GetDatabase();
        long erased = 0;
        foreach (var server in redis.GetServers().Where(s => !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(db.Database, RedisGlob.Escape(prefix) + "*", pageSize: 1000))
            {
                var rest = key.ToString()[prefix.Length..];
                if (rest.Length == HashLength && rest.All(char.IsAsciiHexDigitLower) && await db.KeyDeleteAsync(key)) erased++;
            }
        }
        await db.KeyDeleteAsync(IndexKey(tenantId));
        return erased;
    }

    private const int HashLength = 64;
}

public sealed record CachedReply(string Content, string FinishReason, int PromptTokens, int CompletionTokens);
