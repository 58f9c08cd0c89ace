namespace LlmLab.LlmIntegration.Providers.Local;

/// <summary>Unigram, bigram and trigram counts over token ids, with each context's total kept as counts are added.</summary>
public sealed class NGramCounts
{
    private static readonly int[] None = [];
    private Dictionary<int, int[]>? _topBigramFollowers;
    private Dictionary<long, int[]>? _topTrigramFollowers;

    public Dictionary<int, int> Unigrams { get; } = [];
    public Dictionary<int, Dictionary<int, int>> Bigrams { get; } = [];
    public Dictionary<long, Dictionary<int, int>> Trigrams { get; } = [];
    public Dictionary<int, int> BigramTotals { get; } = [];
    public Dictionary<long, int> TrigramTotals { get; } = [];
    public long TotalTokens { get; private set; }

    public static long Key(int first, int second) => ((long)first << 32) | (uint)second;

    public void Add(IReadOnlyList<int> tokens, int weight = 1)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            Increment(Unigrams, tokens[i], weight);
            TotalTokens += weight;
            if (i >= 1)
            {
                Increment(Follow(Bigrams, tokens[i - 1]), tokens[i], weight);
                BigramTotals[tokens[i - 1]] = BigramTotals.GetValueOrDefault(tokens[i - 1]) + weight;
            }
            if (i >= 2)
            {
                var key = Key(tokens[i - 2], tokens[i - 1]);
                Increment(Follow(Trigrams, key), tokens[i], weight);
                TrigramTotals[key] = TrigramTotals.GetValueOrDefault(key) + weight;
            }
        }
    }

    /// <summary>
    /// Keeps, per context, the <paramref name="limit"/> most frequent next tokens in count order, so a step of generation
    /// scores those (plus the prompt's and the topic's) instead of every word the corpus ever put after "the". The
    /// probabilities still use the full counts; only the long tail of candidates is not drawn.
    /// </summary>
    public void Freeze(int limit)
    {
        _topBigramFollowers = Bigrams.ToDictionary(p => p.Key, p => Top(p.Value, limit));
        _topTrigramFollowers = Trigrams.ToDictionary(p => p.Key, p => Top(p.Value, limit));
    }

    public int[] TopBigramFollowers(int context) =>
        _topBigramFollowers?.GetValueOrDefault(context) ?? Bigrams.GetValueOrDefault(context)?.Keys.ToArray() ?? None;

    public int[] TopTrigramFollowers(long context) =>
        _topTrigramFollowers?.GetValueOrDefault(context) ?? Trigrams.GetValueOrDefault(context)?.Keys.ToArray() ?? None;

    private static int[] Top(Dictionary<int, int> followers, int limit) =>
        followers.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(limit).Select(p => p.Key).ToArray();

    private static Dictionary<int, int> Follow<TKey>(Dictionary<TKey, Dictionary<int, int>> table, TKey key) where TKey : notnull
    {
        if (!table.TryGetValue(key, out var next))
        {
            next = [];
            table[key] = next;
        }
        return next;
    }

    private static void Increment(Dictionary<int, int> counts, int token, int weight) =>
        counts[token] = counts.GetValueOrDefault(token) + weight;
}
