using LlmLab.Quality.Text;

namespace LlmLab.Quality.Metrics;

/// <summary>Flesch reading ease and Flesch–Kincaid grade (the published formulas), and a 0–100 score from the former.</summary>
public static class Readability
{
    public static double FleschReadingEase(TextStatistics s) =>
        s.Words == 0 || s.Sentences == 0 ? 0 : 206.835 - 1.015 * ((double)s.Words / s.Sentences) - 84.6 * ((double)s.Syllables / s.Words);

    public static double FleschKincaidGrade(TextStatistics s) =>
        s.Words == 0 || s.Sentences == 0 ? 0 : 0.39 * ((double)s.Words / s.Sentences) + 11.8 * ((double)s.Syllables / s.Words) - 15.59;

    public static double FleschReadingEase(AnalyzedText t) => FleschReadingEase(TextStatistics.Of(t));

    public static double FleschKincaidGrade(AnalyzedText t) => FleschKincaidGrade(TextStatistics.Of(t));

    public static double Score(AnalyzedText t) => Score(TextStatistics.Of(t));

    /// <summary>Reading ease clamped to 0..100: plain English (60–70) scores 60–70, dense academic prose near 0.</summary>
    public static double Score(TextStatistics s) => s.Words == 0 ? 0 : Math.Clamp(FleschReadingEase(s), 0, 100);
}
