namespace LlmLab.Quality.Metrics;

/// <summary>MTLD (McCarthy &amp; Jarvis 2010, threshold 0.72, forward and backward averaged) and distinct-n.</summary>
public static class LexicalDiversity
{
    private const double Threshold = 0.72;

    public static double Mtld(IReadOnlyList<string> words)
    {
        if (words.Count == 0) return 0;
        return (Pass(words, forward: true) + Pass(words, forward: false)) / 2;
    }

    private static double Pass(IReadOnlyList<string> words, bool forward)
    {
        var factors = 0.0;
        var types = new HashSet<string>(StringComparer.Ordinal);
        var tokens = 0;
        var ttr = 1.0;
        for (var k = 0; k < words.Count; k++)
        {
            var word = words[forward ? k : words.Count - 1 - k];
            tokens++;
            types.Add(word);
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
        return factors == 0 ? words.Count : words.Count / factors;
    }

    /// <summary>Distinct n-grams over all n-grams, for n = 1, 2 or 3.</summary>
    public static double Distinct(IReadOnlyList<string> words, int n)
    {
        var total = words.Count - n + 1;
        return total <= 0 ? 0 : (double)DistinctCount(words, n) / total;
    }

    public static int DistinctCount(IReadOnlyList<string> words, int n)
    {
        var total = words.Count - n + 1;
        if (total <= 0) return 0;
        switch (n)
        {
            case 1:
                return words.ToHashSet(StringComparer.Ordinal).Count;
            case 2:
                var pairs = new HashSet<(string, string)>();
                for (var i = 0; i < total; i++) pairs.Add((words[i], words[i + 1]));
                return pairs.Count;
            case 3:
                var triples = new HashSet<(string, string, string)>();
                for (var i = 0; i < total; i++) triples.Add((words[i], words[i + 1], words[i + 2]));
                return triples.Count;
            default:
                throw new ArgumentOutOfRangeException(nameof(n), n, "n must be 1, 2 or 3.");
        }
    }
}
