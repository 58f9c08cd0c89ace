using System.Text.RegularExpressions;

namespace LlmLab.LlmIntegration.Providers.Local.Reading;

/// <summary>Word-level helpers the reading modes share: sentence splitting, stop words and a light stemmer.</summary>
public static partial class TextWords
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or", "but", "as", "into", "about",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "it", "its", "this",
        "that", "these", "those", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "many", "much",
        "there", "their", "they", "he", "she", "his", "her", "him", "i", "you", "we", "me", "my", "our", "your", "than",
        "then", "so", "if", "can", "could", "would", "should", "will", "also", "one", "any", "some", "not", "no",
        "name", "called", "known", "answer", "question", "please", "tell",
    };

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9""'(])|\n+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    public static IReadOnlyList<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    /// <summary>Words and punctuation marks with their positions in <paramref name="text"/>.</summary>
    public static IReadOnlyList<(string Text, int Start)> Words(string text) =>
        WordPattern().Matches(text).Select(m => (m.Value, m.Index)).ToList();

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    public static bool IsWord(string token) => token.Length > 0 && char.IsLetterOrDigit(token[0]);

    /// <summary>Lower case without common inflections, so "symbols", "discovered" and "discovery" meet their stems.</summary>
    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        foreach (var suffix in (ReadOnlySpan<string>)["ies", "ing", "ed", "es", "s", "y"])
        {
            if (w.Length > suffix.Length + 3 && w.EndsWith(suffix, StringComparison.Ordinal)) return w[..^suffix.Length];
        }
        return w;
    }

    /// <summary>The stems of the words that carry meaning (no stop words, no punctuation).</summary>
    /// <remarks>A capitalised stop word inside a sentence is a name or symbol ("He" for helium, "In" for indium), so it counts.</remarks>
    public static HashSet<string> ContentStems(string text)
    {
        var words = Words(text);
        var stems = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].Text;
            if (!IsWord(word)) continue;
            if (IsStopWord(word) && !IsNameInsideSentence(words, i)) continue;
            stems.Add(Stem(word));
        }
        return stems;
    }

    public static bool IsNameInsideSentence(IReadOnlyList<(string Text, int Start)> words, int index) =>
        index > 0 && char.IsUpper(words[index].Text[0]) && words[index - 1].Text is not ("." or "!" or "?" or ":" or "\"");
}
