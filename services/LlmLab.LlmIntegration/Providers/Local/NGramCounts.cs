namespace LlmLab.LlmIntegration.Providers.Local;

/// <summary>Unigram, bigram and trigram counts over token ids.</summary>
public sealed class NGramCounts
{
    public Dictionary<int, int> Unigrams { get; } = [];
    public Dictionary<int, Dictionary<int, int>> Bigrams { get; } = [];
    public Dictionary<long, Dictionary<int, int>> Trigrams { get; } = [];
    public long TotalTokens { get; private set; }

    public static long Key(int first, int second) => ((long)first << 32) | (uint)second;

    public void Add(IReadOnlyList<int> tokens, int weight = 1)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            Increment(Unigrams, tokens[i], weight);
            TotalTokens += weight;
            if (i >= 1) Increment(Follow(Bigrams, tokens[i - 1]), tokens[i], weight);
            if (i >= 2) Increment(Follow(Trigrams, Key(tokens[i - 2], tokens[i - 1])), tokens[i], weight);
        }
    }

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
