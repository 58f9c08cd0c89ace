using System.Text.RegularExpressions;

namespace LlmLab.Quality.Metrics;

/// <summary>Counts of a text: words, sentences, paragraphs, syllables.</summary>
public sealed partial record TextStatistics(int Words, int Sentences, int Paragraphs, int Syllables)
{
    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[^.!?]*[\p{L}\p{N}][^.!?]*(?:[.!?]+|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SentencePattern();

    [GeneratedRegex(@"\n\s*\n", RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphBreak();

    public static TextStatistics Of(string text)
    {
        var words = 0;
        var syllables = 0;
        foreach (var match in WordPattern().EnumerateMatches(text))
        {
            words++;
            syllables += SyllableCounter.Count(text.Substring(match.Index, match.Length));
        }
        var sentences = SentencePattern().Count(text);
        var paragraphs = ParagraphBreak().Split(text).Count(p => !string.IsNullOrWhiteSpace(p));
        return new TextStatistics(words, sentences, paragraphs, syllables);
    }
}
