using System.Text.RegularExpressions;

namespace LlmLab.Quality.Text;

/// <summary>
/// A text tokenized once for every metric: lower-cased words (with their original form and stem), sentences as word
/// ranges, and the counts readability needs.
/// </summary>
public sealed partial class AnalyzedText
{
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[.!?]+(?=\s|$)|\n\s*\n", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\n\s*\n", RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphBreak();

    public string Text { get; }
    /// <summary>Lower-cased words.</summary>
    public IReadOnlyList<string> Words { get; }
    /// <summary>Words as written (case kept), for entity detection.</summary>
    public IReadOnlyList<string> Surface { get; }
    public IReadOnlyList<string> Stems { get; }
    /// <summary>Each sentence as [start, end) indexes into <see cref="Words"/>; sentences without words are dropped.</summary>
    public IReadOnlyList<Range> Sentences { get; }
    /// <summary>Index of the first word of each sentence, for telling sentence-initial capitals from names.</summary>
    public IReadOnlySet<int> SentenceStarts { get; }
    public int Paragraphs { get; }
    public int Syllables { get; }
    /// <summary>Ends with . ! ? or a closing quote/bracket after one.</summary>
    public bool EndsWithCompleteSentence { get; }

    public AnalyzedText(string text)
    {
        Text = text;
        var words = new List<string>();
        var surface = new List<string>();
        var wordStarts = new List<int>();
        var syllables = 0;
        foreach (var match in WordPattern().EnumerateMatches(text))
        {
            var word = text.Substring(match.Index, match.Length);
            surface.Add(word);
            words.Add(word.ToLowerInvariant());
            wordStarts.Add(match.Index);
            syllables += Metrics.SyllableCounter.Count(word);
        }
        Words = words;
        Surface = surface;
        Stems = words.Select(Stemmer.Stem).ToArray();
        Syllables = syllables;

        var sentences = new List<Range>();
        var starts = new HashSet<int>();
        var wordIndex = 0;
        foreach (var end in SentenceEnd().Matches(text).Select(m => m.Index).Append(text.Length))
        {
            var first = wordIndex;
            while (wordIndex < wordStarts.Count && wordStarts[wordIndex] < end) wordIndex++;
            if (wordIndex > first)
            {
                sentences.Add(first..wordIndex);
                starts.Add(first);
            }
        }
        Sentences = sentences;
        SentenceStarts = starts;
        Paragraphs = ParagraphBreak().Split(text).Count(p => !string.IsNullOrWhiteSpace(p));
        var trimmed = text.TrimEnd().TrimEnd('"', '\'', ')', ']', '”', '’', '*');
        EndsWithCompleteSentence = trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or ':';
    }

    private bool[]? _isContent;
    private int[]? _wordIds;

    /// <summary>Each word as a small integer (equal words, equal ids), so n-gram sets hash integers, not strings.</summary>
    public int[] WordIds
    {
        get
        {
            if (_wordIds is not null) return _wordIds;
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var result = new int[Words.Count];
            for (var i = 0; i < result.Length; i++)
            {
                if (!ids.TryGetValue(Words[i], out var id)) ids[Words[i]] = id = ids.Count;
                result[i] = id;
            }
            return _wordIds = result;
        }
    }

    /// <summary>Whether each word carries content (not a stop word, more than one letter); computed once.</summary>
    public bool[] IsContent => _isContent ??= Words.Select(w => w.Length > 1 && !StopWords.Contains(w)).ToArray();

    public IEnumerable<string> ContentStems()
    {
        var content = IsContent;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i]) yield return Stems[i];
        }
    }

    public IEnumerable<string> SentenceContentStems(Range sentence)
    {
        var content = IsContent;
        var (offset, length) = sentence.GetOffsetAndLength(Words.Count);
        for (var i = offset; i < offset + length; i++)
        {
            if (content[i]) yield return Stems[i];
        }
    }
}
