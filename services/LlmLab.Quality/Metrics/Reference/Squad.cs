using System.Text;

namespace LlmLab.Quality.Metrics.Reference;

/// <summary>
/// Exact match and token F1 as the SQuAD v1.1 evaluation script (evaluate-v1.1.py) computes them, each 0..1 for one
/// (prediction, ground truth) pair; callers take the maximum over a question's ground truths as the script does.
/// </summary>
public static class Squad
{
    /// <summary>
    /// normalize_answer: lower case; delete ASCII punctuation (string.punctuation, nothing else); replace the words
    /// a/an/the (at \w boundaries) by a space; collapse whitespace.
    /// </summary>
    public static string Normalize(string text)
    {
        var lower = PythonText.Lower(text);
        var withoutPunctuation = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (!IsAsciiPunctuation(c)) withoutPunctuation.Append(c);
        }
        return string.Join(' ', PythonText.Split(RemoveArticles(withoutPunctuation.ToString())));
    }

    /// <summary>The normalised answer's tokens (whitespace-separated).</summary>
    public static List<string> Tokens(string text) => PythonText.Split(Normalize(text));

    public static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';

    public static double ExactMatch(string normalizedPrediction, string normalizedTruth) =>
        string.Equals(normalizedPrediction, normalizedTruth, StringComparison.Ordinal) ? 1 : 0;

    /// <summary>f1_score: multiset overlap; no common token (two empty answers included) is 0.</summary>
    public static double F1(IReadOnlyList<string> prediction, IReadOnlyList<string> truth)
    {
        var counts = new Dictionary<string, int>(truth.Count, StringComparer.Ordinal);
        foreach (var token in truth) counts[token] = counts.GetValueOrDefault(token) + 1;
        var same = 0;
        foreach (var token in prediction)
        {
            if (counts.TryGetValue(token, out var left) && left > 0)
            {
                same++;
                counts[token] = left - 1;
            }
        }
        if (same == 0) return 0;
        var precision = 1.0 * same / prediction.Count;
        var recall = 1.0 * same / truth.Count;
        return 2 * precision * recall / (precision + recall);
    }

    // re.sub(r'\b(a|an|the)\b', ' ', text) on an already lower-cased text.
    private static string RemoveArticles(string text)
    {
        StringBuilder? builder = null;
        var copied = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('a' or 't') || (i > 0 && PythonText.IsWordAt(text, i - 1))) continue;
            var length = ArticleLength(text, i);
            if (length == 0) continue;
            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, i - copied).Append(' ');
            copied = i + length;
            i = copied - 1;
        }
        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    private static int ArticleLength(string text, int at)
    {
        foreach (var article in Articles)
        {
            var end = at + article.Length;
            if (end <= text.Length && string.CompareOrdinal(text, at, article, 0, article.Length) == 0
                && (end == text.Length || !PythonText.IsWordAt(text, end)))
                return article.Length;
        }
        return 0;
    }

    private static readonly string[] Articles = ["a", "an", "the"];
}
