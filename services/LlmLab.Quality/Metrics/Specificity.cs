using LlmLab.Quality.Text;

namespace LlmLab.Quality.Metrics;

/// <summary>
/// Concrete content against filler: 50 + 8 × (numbers + names + 2 × example markers per 100 words)
/// − 10 × (hedges per 100 words), clamped to 0..100. Names are capitalised words not opening a sentence.
/// </summary>
public static class Specificity
{
    private static readonly HashSet<string> Hedges =
    [
        "might", "may", "maybe", "perhaps", "possibly", "probably", "generally", "usually", "somewhat", "various",
        "several", "things", "thing", "stuff", "etc", "basically", "arguably", "potentially", "sometimes", "certain",
    ];

    private static readonly string[] ExampleMarkers = ["for example", "for instance", "such as", "e.g", "including"];

    public static double Score(AnalyzedText text)
    {
        var words = text.Words.Count;
        if (words == 0) return 0;
        var numbers = text.Words.Count(w => w.Any(char.IsDigit));
        var names = 0;
        for (var i = 0; i < text.Surface.Count; i++)
        {
            var word = text.Surface[i];
            if (!text.SentenceStarts.Contains(i) && char.IsUpper(word[0]) && word != "I") names++;
        }
        var lower = text.Text.ToLowerInvariant();
        var examples = ExampleMarkers.Sum(m => Occurrences(lower, m));
        var hedges = text.Words.Count(Hedges.Contains) + Occurrences(lower, "kind of") + Occurrences(lower, "sort of");

        var concretePer100 = 100.0 * (numbers + names + 2 * examples) / words;
        var hedgesPer100 = 100.0 * hedges / words;
        return Math.Round(Math.Clamp(50 + 8 * concretePer100 - 10 * hedgesPer100, 0, 100), 2);
    }

    private static int Occurrences(string text, string phrase)
    {
        var count = 0;
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
