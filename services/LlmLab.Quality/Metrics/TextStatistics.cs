using LlmLab.Quality.Text;

namespace LlmLab.Quality.Metrics;

/// <summary>Counts of a text: words, sentences, paragraphs, syllables (as <see cref="AnalyzedText"/> defines them).</summary>
public sealed record TextStatistics(int Words, int Sentences, int Paragraphs, int Syllables)
{
    public static TextStatistics Of(AnalyzedText text) => new(text.Words.Count, text.Sentences.Count, text.Paragraphs, text.Syllables);

    public static TextStatistics Of(string text) => Of(new AnalyzedText(text));
}
