namespace LlmLab.Quality.Metrics;

/// <summary>Computes every metric of a response; the names are those of the REST contract.</summary>
public static class QualityScorer
{
    public const string AnalysisVersion = "0.1.0";

    public static Dictionary<string, double> Score(string text, string prompt, int maxTokens, string finishReason)
    {
        var stats = TextStatistics.Of(text);
        var readability = Readability.Score(stats);
        var length = LengthAppropriateness.Score(stats.Words, prompt, maxTokens, finishReason);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["word_count"] = stats.Words,
            ["sentence_count"] = stats.Sentences,
            ["paragraph_count"] = stats.Paragraphs,
            ["syllable_count"] = stats.Syllables,
            ["flesch_reading_ease"] = Math.Round(Readability.FleschReadingEase(stats), 2),
            ["flesch_kincaid_grade"] = Math.Round(Readability.FleschKincaidGrade(stats), 2),
            ["readability_score"] = Math.Round(readability, 2),
            ["length_appropriateness_score"] = Math.Round(length, 2),
            ["overall_score"] = Math.Round((readability + length) / 2, 2),
        };
    }
}
