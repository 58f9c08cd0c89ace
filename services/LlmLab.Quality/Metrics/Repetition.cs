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
        var share = total <= 0 ? 0 : 1 - (double)LexicalDiversity.DistinctCount(text.Words, 3) / total;

        var longest = text.Sentences.Count > 0 ? 1 : 0;
        var run = 1;
        string? previous = null;
        foreach (var sentence in text.Sentences)
        {
            var key = string.Join(' ', text.Words.Take(sentence).ToArray());
            run = key == previous ? run + 1 : 1;
            longest = Math.Max(longest, run);
            previous = key;
        }
        var score = 100 * (1 - share) * (longest >= 3 ? 0.5 : 1);
        return new Parts(Math.Round(share, 4), longest, Math.Round(score, 2));
    }
}
