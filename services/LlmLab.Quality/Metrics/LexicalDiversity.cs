namespace LlmLab.Quality.Metrics;

/// <summary>MTLD (McCarthy &amp; Jarvis 2010, threshold 0.72, forward and backward averaged) and distinct-n, over word ids.</summary>
public static class LexicalDiversity
{
    private const double Threshold = 0.72;

    public static double Mtld(IReadOnlyList<string> words) => Mtld(Ids(words));

    public static double Mtld(int[] words)
    {
        if (words.Length == 0) return 0;
        var seen = new HashSet<int>();
        return (Pass(words, forward: true, seen) + Pass(words, forward: false, seen)) / 2;
    }

    private static double Pass(int[] words, bool forward, HashSet<int> types)
    {
        types.Clear();
        var factors = 0.0;
        var tokens = 0;
        var ttr = 1.0;
        for (var k = 0; k < words.Length; k++)
        {
            tokens++;
            types.Add(words[forward ? k : words.Length - 1 - k]);
            ttr = (double)types.Count / tokens;
            if (ttr <= Threshold)
            {
                factors++;
                types.Clear();
                tokens = 0;
                ttr = 1.0;
            }
        }
        // The partial factor left at the end counts in proportion to how far its TTR fell towards the threshold.
        if (tokens > 0) factors += (1 - ttr) / (1 - Threshold);
        return factors == 0 ? words.Length : words.Length / factors;
    }

    /// <summary>Distinct n-grams over all n-grams, for n = 1, 2 or 3.</summary>
    public static double Distinct(IReadOnlyList<string> words, int n) => Distinct(Ids(words), n);

    public static double Distinct(int[] words, int n)
    {
        var total = words.Length - n + 1;
        return total <= 0 ? 0 : (double)DistinctCount(words, n) / total;
    }

    public static int DistinctCount(int[] words, int n)
    {
        if (n is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be 1, 2 or 3.");
        var total = words.Length - n + 1;
        if (total <= 0) return 0;
        var grams = new HashSet<long>();
        for (var i = 0; i < total; i++)
        {
            // Ids are below 2^21 for any text under the size limit, so three fit in one long.
            long key = words[i];
            for (var k = 1; k < n; k++) key = (key << 21) | (uint)words[i + k];
            grams.Add(key);
        }
        return grams.Count;
    }

    private static int[] Ids(IReadOnlyList<string> words)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new int[words.Count];
        for (var i = 0; i < result.Length; i++)
        {
            if (!ids.TryGetValue(words[i], out var id)) ids[words[i]] = id = ids.Count;
            result[i] = id;
        }
        return result;
    }
}
