using LlmLab.Quality.Text;

namespace LlmLab.Quality.Metrics;

/// <summary>
/// Lexical creativity: 40% MTLD (capped at 100), 20% distinct-1, 20% distinct-2, 20% novelty (share of the
/// response's content stems absent from the prompt). Diversity across sibling responses (self-BLEU) is separate.
/// </summary>
public static class Creativity
{
    public sealed record Parts(double Mtld, double Distinct1, double Distinct2, double Novelty, double Score);

    public static Parts Score(AnalyzedText response, PromptAnalysis prompt)
    {
        if (response.Words.Count == 0) return new Parts(0, 0, 0, 0, 0);
        var mtld = LexicalDiversity.Mtld(response.WordIds);
        var d1 = LexicalDiversity.Distinct(response.WordIds, 1);
        var d2 = LexicalDiversity.Distinct(response.WordIds, 2);
        var promptStems = prompt.ContentStems;
        int content = 0, fresh = 0;
        foreach (var stem in response.ContentStems())
        {
            content++;
            if (!promptStems.Contains(stem)) fresh++;
        }
        var novelty = content == 0 ? 0 : (double)fresh / content;
        var score = 100 * (0.4 * Math.Min(1, mtld / 100) + 0.2 * d1 + 0.2 * d2 + 0.2 * novelty);
        return new Parts(Math.Round(mtld, 2), Math.Round(d1, 4), Math.Round(d2, 4), Math.Round(novelty, 4), Math.Round(score, 2));
    }
}
