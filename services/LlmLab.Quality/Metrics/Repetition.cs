using LlmLab.Quality.Text;

namespace LlmLab.Quality.Metrics;

/// <summary>
/// Degeneration: the share of repeated word trigrams (1 − distinct/total) and the longest run of one sentence
/// repeated back to back. The score is 100 × (1 − repeated share), halved when a sentence loops three times or more.
/// </summary>
public static class Repetition
{
    public sealed record Parts(double RepeatedTrigramShare, int LongestLoop, double Score);

    public static Parts Score(AnalyzedText text)
    {
        if (text.Words.Count == 0) return new Parts(0, 0, 0);
        var total = text.Words.Count - 2;
        var share = total <= 0 ? 0 : 1 - (double)LexicalDiversity.DistinctCount(text.WordIds, 3) / total;

        var longest = text.Sentences.Count > 0 ? 1 : 0;
        var run = 1;
        for (var i = 1; i < text.Sentences.Count; i++)
        {
            run = SameWords(text, text.Sentences[i - 1], text.Sentences[i]) ? run + 1 : 1;
            longest = Math.Max(longest, run);
        }
        var score = 100 * (1 - share) * (longest >= 3 ? 0.5 : 1);
        return new Parts(Math.Round(share, 4), longest, Math.Round(score, 2));
    }

    private static bool SameWords(AnalyzedText text, Range a, Range b)
    {
        var (aStart, aLength) = a.GetOffsetAndLength(text.Words.Count);
        var (bStart, bLength) = b.GetOffsetAndLength(text.Words.Count);
        if (aLength != bLength) return false;
        for (var k = 0; k < aLength; k++)
        {
            if (!string.Equals(text.Words[aStart + k], text.Words[bStart + k], StringComparison.Ordinal)) return false;
        }
        return true;
    }
}
