using LlmLab.Quality.Text;

namespace LlmLab.Quality.Metrics;

/// <summary>
/// How each sentence follows from the one before: content-stem overlap of adjacent sentences (overlap coefficient),
/// or a connective/anaphoric opening, averaged over pairs (so length does not matter), scaled so an overlap of 0.4 or
/// more counts as fully connected, and reduced by the share of sentences that repeat an earlier one.
/// </summary>
public static class Coherence
{
    private static readonly HashSet<string> Connectives =
    [
        "however", "therefore", "thus", "because", "also", "then", "first", "second", "third", "finally", "next",
        "furthermore", "moreover", "consequently", "so", "this", "these", "it", "they", "that", "as", "in", "for",
        "similarly", "instead", "meanwhile", "additionally", "afterwards", "overall", "but", "and", "yet", "still",
    ];

    public static double Score(AnalyzedText text)
    {
        var sentences = text.Sentences.Select(s => text.SentenceContentStems(s).ToHashSet(StringComparer.Ordinal)).ToList();
        if (sentences.Count == 0) return 0;
        if (sentences.Count == 1) return text.EndsWithCompleteSentence ? 70 : 50;

        var continuity = 0.0;
        for (var i = 1; i < sentences.Count; i++)
        {
            var (previous, current) = (sentences[i - 1], sentences[i]);
            var shared = 0;
            foreach (var stem in current) if (previous.Contains(stem)) shared++;
            var overlap = previous.Count == 0 || current.Count == 0 ? 0 : (double)shared / Math.Min(previous.Count, current.Count);
            var opener = text.Words[text.Sentences[i].Start.Value];
            var linked = Connectives.Contains(opener) ? 0.5 : 0;
            continuity += Math.Min(1, Math.Max(overlap, linked) / 0.4);
        }
        continuity /= sentences.Count - 1;

        var repeated = 0;
        for (var i = 1; i < sentences.Count; i++)
        {
            if (sentences[i].Count > 0 && sentences.Take(i).Any(earlier => earlier.Count == sentences[i].Count && earlier.SetEquals(sentences[i]))) repeated++;
        }
        var repetitionPenalty = (double)repeated / sentences.Count;
        return Math.Round(100 * (0.2 + 0.8 * continuity) * (1 - repetitionPenalty), 2);
    }
}
