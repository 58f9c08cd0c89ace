using LlmLab.Quality.Text;

namespace LlmLab.Quality.Metrics;

/// <summary>
/// BM25-style coverage of the prompt's key terms (content stems) in the response: each term contributes its saturated
/// term frequency tf·(k1+1)/(tf + k1·(1−b+b·len/avgdl)) / (k1+1), k1 = 1.2, b = 0.75, avgdl = 100 content words;
/// the mean over terms, scaled so that 0.5 (every term present about once) or more scores 100. No collection, so
/// every term weighs the same (idf = 1).
/// </summary>
public static class Relevance
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const double AverageLength = 100;

    public static double Score(AnalyzedText response, PromptAnalysis prompt)
    {
        var terms = prompt.ContentStems;
        if (terms.Count == 0) return response.Words.Count == 0 ? 0 : 100;
        var tf = new Dictionary<string, int>(StringComparer.Ordinal);
        var length = 0;
        foreach (var stem in response.ContentStems())
        {
            length++;
            if (terms.Contains(stem)) tf[stem] = tf.GetValueOrDefault(stem) + 1;
        }
        if (length == 0) return 0;
        var norm = K1 * (1 - B + B * length / AverageLength);
        var sum = terms.Sum(t => tf.TryGetValue(t, out var f) ? f * (K1 + 1) / (f + norm) / (K1 + 1) : 0);
        return Math.Round(100 * Math.Min(1, sum / terms.Count / 0.5), 2);
    }
}
