using System.Collections.Concurrent;
using System.Text;

namespace LlmLab.Quality.Metrics.Reference;

/// <summary>
/// ROUGE-L F-measure as rouge-score's <c>RougeScorer(['rougeL'], use_stemmer=…)</c> computes it (0..1): its default
/// tokenizer (Python lower case, every run of characters outside [a-z0-9] a separator), with the stemmer the Porter
/// stemmer applied to tokens longer than three characters; LCS precision over the prediction's tokens, recall over
/// the target's; no tokens on either side is 0.
/// </summary>
public static class RougeL
{
    public static List<string> Tokenize(string text, bool stem)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            // Only these lower-case to [a-z0-9]; "İ" lower-cases to "i" + U+0307, so it ends its token after the "i".
            var mapped = c switch
            {
                >= 'a' and <= 'z' or >= '0' and <= '9' => c,
                >= 'A' and <= 'Z' => (char)(c + 32),
                '\u212A' => 'k',
                '\u0130' => 'i',
                _ => '\0',
            };
            if (mapped != '\0') current.Append(mapped);
            if (mapped == '\0' || c == '\u0130') Flush();
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length == 0) return;
            var token = current.ToString();
            tokens.Add(stem && token.Length > 3 ? CachedStem(token) : token);
            current.Clear();
        }
    }

    /// <summary>The LCS table is quadratic: pairs of longer texts than this many token pairs are not scored (null).</summary>
    public const long MaxCells = 25_000_000;

    public static double? FMeasure(IReadOnlyList<string> target, IReadOnlyList<string> prediction)
    {
        if (target.Count == 0 || prediction.Count == 0) return 0;
        if ((long)target.Count * prediction.Count > MaxCells) return null;
        var lcs = LongestCommonSubsequence(target, prediction);
        var precision = (double)lcs / prediction.Count;
        var recall = (double)lcs / target.Count;
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    }

    private static int LongestCommonSubsequence(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        // Tokens as integers: the table compares every pair, and integer comparison is what makes long texts affordable.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var x = a.Select(t => Id(ids, t)).ToArray();
        var y = b.Select(t => Id(ids, t)).ToArray();
        var previous = new int[y.Length + 1];
        var current = new int[y.Length + 1];
        for (var i = 1; i <= x.Length; i++)
        {
            var xi = x[i - 1];
            for (var j = 1; j <= y.Length; j++)
                current[j] = xi == y[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            (previous, current) = (current, previous);
        }
        return previous[y.Length];
    }

    private static int Id(Dictionary<string, int> ids, string token)
    {
        if (!ids.TryGetValue(token, out var id)) ids[token] = id = ids.Count;
        return id;
    }

    // Stemming is the costly part; words repeat, so stems are remembered (bounded: a flood of distinct words only stops the caching).
    private static readonly ConcurrentDictionary<string, string> Stems = new(StringComparer.Ordinal);
    private const int MaxCachedStems = 200_000;

    private static string CachedStem(string token)
    {
        if (Stems.TryGetValue(token, out var stem)) return stem;
        stem = PorterStemmer.Stem(token);
        if (Stems.Count < MaxCachedStems) Stems.TryAdd(token, stem);
        return stem;
    }
}
