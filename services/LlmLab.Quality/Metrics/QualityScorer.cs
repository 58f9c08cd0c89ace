using LlmLab.Quality.Metrics.Grounding;
using LlmLab.Quality.Metrics.Reference;
using LlmLab.Quality.Text;

namespace LlmLab.Quality.Metrics;

/// <summary>
/// What to score: the response, its prompt, optional reference answers, how it ended, and optional passages the
/// response was to be grounded in (faithfulness).
/// </summary>
public sealed record ScoreInput(string Text, string Prompt, IReadOnlyList<string> References, int MaxTokens, string FinishReason,
    IReadOnlyDictionary<string, double>? Weights = null, double NumericTolerance = NumericMatch.DefaultRelativeTolerance,
    IReadOnlyList<string>? Contexts = null);

/// <summary>Computes every heuristic and reference metric of a response; names are those of the REST contract.</summary>
public static class QualityScorer
{
    public const string AnalysisVersion = "1.1.0";

    /// <summary>Every metric; one that cannot be computed is absent and, when <paramref name="errors"/> is given, says why there.</summary>
    public static Dictionary<string, double> Score(ScoreInput input, IDictionary<string, string>? errors = null)
    {
        var text = new AnalyzedText(input.Text);
        var prompt = PromptAnalysis.Of(input.Prompt);
        var creativity = Creativity.Score(text, prompt);
        var repetition = Repetition.Score(text);
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["word_count"] = text.Words.Count,
            ["sentence_count"] = text.Sentences.Count,
            ["paragraph_count"] = text.Paragraphs,
            ["syllable_count"] = text.Syllables,
            ["type_token_ratio"] = text.Words.Count == 0 ? 0 : Math.Round(LexicalDiversity.Distinct(text.WordIds, 1), 4),
            ["flesch_reading_ease"] = Math.Round(Readability.FleschReadingEase(text), 2),
            ["flesch_kincaid_grade"] = Math.Round(Readability.FleschKincaidGrade(text), 2),
            ["readability_score"] = Math.Round(Readability.Score(text), 2),
            ["coherence_score"] = Coherence.Score(text),
            ["completeness_score"] = Completeness.Score(text, prompt.Requested, input.FinishReason),
            ["length_appropriateness_score"] = Math.Round(LengthAppropriateness.Score(text.Words.Count, input.Prompt, input.MaxTokens, input.FinishReason), 2),
            ["creativity_score"] = creativity.Score,
            ["mtld"] = creativity.Mtld,
            ["distinct_1"] = creativity.Distinct1,
            ["distinct_2"] = creativity.Distinct2,
            ["novelty"] = creativity.Novelty,
            ["specificity_score"] = Specificity.Score(text),
            ["relevance_score"] = Relevance.Score(text, prompt),
            ["sentiment"] = Sentiment.Compound(text),
            ["repetition_score"] = repetition.Score,
            ["repeated_ngram_share"] = repetition.RepeatedTrigramShare,
            ["longest_loop"] = repetition.LongestLoop,
        };

        var weights = input.Weights ?? OverallScore.DefaultWeights;
        metrics["overall_score"] = OverallScore.Weighted(metrics, weights);
        metrics["confidence_score"] = OverallScore.Confidence(text.Words.Count, weights.Keys.Where(metrics.ContainsKey).Select(k => metrics[k]));

        if (input.References.Count > 0 && ReferenceMetrics.Best(input.Text, input.References, input.NumericTolerance) is { } reference)
        {
            metrics["exact_match"] = reference.ExactMatch;
            metrics["substring_match"] = reference.SubstringMatch;
            metrics["f1"] = reference.F1;
            metrics["bleu"] = reference.Bleu;
            foreach (var (name, value) in new[] { ("rouge_l", reference.RougeL), ("rouge_l_stemmed", reference.RougeLStemmed) })
            {
                if (value is { } v) metrics[name] = v;
                else errors?.TryAdd(name, $"text and reference are too long for ROUGE-L (over {RougeL.MaxCells:N0} token pairs).");
            }
            if (reference.NumericMatch is { } numeric) metrics["numeric_match"] = numeric;
        }
        if (input.Contexts is { Count: > 0 } contexts)
        {
            if (Faithfulness.Of(input.Text, contexts).Score is { } faithful) metrics["faithfulness"] = faithful;
            else errors?.TryAdd("faithfulness", "the response makes no claim (it has no content word) to check against the passages.");
        }
        return metrics;
    }

    /// <summary>Names of weights the overall score does not know; a request naming one is refused.</summary>
    public static IReadOnlyList<string> UnknownWeights(IReadOnlyDictionary<string, double>? weights) =>
        weights?.Keys.Where(k => !OverallScore.WeightableMetrics.Contains(k)).ToList() ?? [];

    /// <summary>
    /// Self-BLEU of each sibling against the others (0–100; sacreBLEU sentence BLEU, one other sibling as the reference,
    /// averaged): high means the repetitions say the same thing. An empty sibling is no reference and scores 0 as one.
    /// </summary>
    public static double[] SelfBleu(IReadOnlyList<string> siblings)
    {
        var result = new double[siblings.Count];
        for (var i = 0; i < siblings.Count; i++)
        {
            var others = Enumerable.Range(0, siblings.Count).Where(j => j != i).ToList();
            result[i] = others.Count == 0 ? 0 : Math.Round(others.Average(j => siblings[j].Length == 0 ? 0 : SacreBleu.Sentence(siblings[i], [siblings[j]])), 2);
        }
        return result;
    }
}
