using System.Collections.Concurrent;

namespace LlmLab.ServiceKit.InternalIdentity;

/// <summary>
/// What <see cref="InternalTokens"/> already did, kept so a busy caller is not signed and checked again on every call
/// (docs/operations.md, "CPU per call", eleventh session): a minted token is reused for the same caller for a quarter
/// of its lifetime, and a token that passed validation answers the same caller until it expires (the same expiry and
/// clock skew the full validation applies). Only valid tokens are kept, under their exact text; each map is bounded.
/// </summary>
internal sealed class TokenMemo<TKey>(int capacity, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new(comparer);

    public bool TryGet(TKey key, DateTimeOffset now, out Entry entry) =>
        _entries.TryGetValue(key, out entry!) && now >= entry.From && now < entry.Until;

    public void Set(TKey key, Entry entry, DateTimeOffset now)
    {
        if (_entries.Count >= capacity)
        {
            foreach (var (stale, held) in _entries)
            {
                if (now >= held.Until) _entries.TryRemove(stale, out _);
            }
            if (_entries.Count >= capacity) _entries.Clear();
        }
        _entries[key] = entry;
    }

    /// <summary>A token and its caller, usable from <see cref="From"/> until just before <see cref="Until"/>.</summary>
    public sealed record Entry(string Token, CallerIdentity Caller, DateTimeOffset From, DateTimeOffset Until);
}
