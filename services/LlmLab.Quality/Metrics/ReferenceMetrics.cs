using System.Text;

namespace LlmLab.Quality.Metrics;

/// <summary>
/// Accuracy against reference answers, each 0–100 and the best over the given aliases: exact and substring match
/// after SQuAD normalisation, token F1, sentence BLEU (n ≤ 4, brevity penalty, add-one smoothing for n &gt; 1) and
/// ROUGE-L (LCS F1).
/// </summary>
public static class ReferenceMetrics
{
    public sealed record Scores(double ExactMatch, double SubstringMatch, double F1, double Bleu, double RougeL);

    public static Scores Best(string candidate, IReadOnlyList<string> references)
    {
        var c = Normalize(candidate);
        var tokens = Tokens(c);
        var all = references.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => (Text: Normalize(r), Tokens: Tokens(Normalize(r)))).ToList();
        if (all.Count == 0) return new Scores(0, 0, 0, 0, 0);
        return new Scores(
            all.Max(r => c == r.Text ? 100.0 : 0),
            all.Max(r => r.Text.Length > 0 && c.Contains(r.Text, StringComparison.Ordinal) ? 100.0 : 0),
            Math.Round(all.Max(r => F1(tokens, r.Tokens)) * 100, 2),
            Math.Round(all.Max(r => Bleu(tokens, r.Tokens)) * 100, 2),
            Math.Round(all.Max(r => RougeL(tokens, r.Tokens)) * 100, 2));
    }

    /// <summary>SQuAD: lower case, punctuation removed, articles removed, whitespace collapsed.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant()) builder.Append(char.IsPunctuation(ch) || char.IsSymbol(ch) ? ' ' : ch);
        return string.Join(' ', builder.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("a" or "an" or "the")));
    }

    /// <summary>Longer texts are cut to this many tokens: LCS is quadratic, and answers compared to references are short.</summary>
    public const int MaxTokens = 5_000;

    private static string[] Tokens(string normalized) => normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(MaxTokens).ToArray();

    public static double F1(IReadOnlyList<string> candidate, IReadOnlyList<string> reference)
    {
        if (candidate.Count == 0 || reference.Count == 0) return candidate.Count == reference.Count ? 1 : 0;
        var counts = reference.GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        var common = 0;
        foreach (var token in candidate)
        {
            if (counts.TryGetValue(token, out var left) && left > 0)
            {
                common++;
                counts[token] = left - 1;
            }
        }
        if (common == 0) return 0;
        var precision = (double)common / candidate.Count;
        var recall = (double)common / reference.Count;
        return 2 * precision * recall / (precision + recall);
    }

    public static double Bleu(IReadOnlyList<string> candidate, IReadOnlyList<string> reference, int maxOrder = 4)
    {
        if (candidate.Count == 0 || reference.Count == 0) return 0;
        var logSum = 0.0;
        for (var n = 1; n <= maxOrder; n++)
        {
            var candidateGrams = NGrams(candidate, n);
            var referenceGrams = NGrams(reference, n);
            var total = Math.Max(0, candidate.Count - n + 1);
            var matched = candidateGrams.Sum(g => Math.Min(g.Value, referenceGrams.GetValueOrDefault(g.Key)));
            double precision = n == 1
                ? (total == 0 ? 0 : (double)matched / total)
                : (matched + 1.0) / (total + 1.0);
            if (precision == 0) return 0;
            logSum += Math.Log(precision) / maxOrder;
        }
        var brevity = candidate.Count >= reference.Count ? 1 : Math.Exp(1 - (double)reference.Count / candidate.Count);
        return brevity * Math.Exp(logSum);
    }

    public static double RougeL(IReadOnlyList<string> candidate, IReadOnlyList<string> reference)
    {
        if (candidate.Count == 0 || reference.Count == 0) return 0;
        var lcs = LongestCommonSubsequence(candidate, reference);
        if (lcs == 0) return 0;
        var precision = (double)lcs / candidate.Count;
        var recall = (double)lcs / reference.Count;
        return 2 * precision * recall / (precision + recall);
    }

    private static int LongestCommonSubsequence(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Count];
    }

    private static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + n <= tokens.Count; i++)
        {
            var key = string.Join(' ', tokens.Skip(i).Take(n));
            grams[key] = grams.GetValueOrDefault(key) + 1;
        }
        return grams;
    }
}
