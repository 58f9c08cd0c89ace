namespace LlmLab.Quality.Metrics.Reference;

/// <summary>
/// Every reference metric of one prediction against its references (a reference answer and its aliases), each 0..100:
/// exact_match and f1 as SQuAD v1.1 (best over the references), substring_match on word boundaries (any reference),
/// bleu as sacreBLEU sentence_bleu (all references jointly), rouge_l and rouge_l_stemmed as rouge-score's ROUGE-L F
/// (best over the references), numeric_match when a reference is a number. Values are not rounded, so they equal the
/// reference implementations'.
/// </summary>
public static class ReferenceMetrics
{
    public sealed record Scores(double ExactMatch, double SubstringMatch, double F1, double Bleu, double? RougeL, double? RougeLStemmed,
        double? NumericMatch);

    /// <summary>Null when no reference is usable: empty ("") references are ignored, as sacreBLEU ignores them.</summary>
    public static Scores? Best(string prediction, IReadOnlyList<string> references, double numericTolerance = Reference.NumericMatch.DefaultRelativeTolerance)
    {
        var usable = references.Where(r => r.Length > 0).ToList();
        if (usable.Count == 0) return null;

        var normalized = Squad.Normalize(prediction);
        var tokens = PythonText.Split(normalized);
        var rouge = RougeL.Tokenize(prediction, stem: false);
        var rougeStemmed = RougeL.Tokenize(prediction, stem: true);
        double exact = 0, substring = 0, f1 = 0;
        double? rougeL = 0, rougeLStemmed = 0;
        double? numeric = null;
        var predictedNumber = new Lazy<double?>(() => Reference.NumericMatch.LastNumber(prediction));
        foreach (var reference in usable)
        {
            var referenceNormalized = Squad.Normalize(reference);
            var referenceTokens = PythonText.Split(referenceNormalized);
            exact = Math.Max(exact, Squad.ExactMatch(normalized, referenceNormalized));
            f1 = Math.Max(f1, Squad.F1(tokens, referenceTokens));
            if (Reference.SubstringMatch.Contains(tokens, referenceTokens)) substring = 1;
            rougeL = Max(rougeL, RougeL.FMeasure(RougeL.Tokenize(reference, stem: false), rouge));
            rougeLStemmed = Max(rougeLStemmed, RougeL.FMeasure(RougeL.Tokenize(reference, stem: true), rougeStemmed));
            if (Reference.NumericMatch.ReferenceValue(reference) is { } expected)
            {
                var hit = predictedNumber.Value is { } got && Reference.NumericMatch.Matches(got, expected, numericTolerance);
                numeric = Math.Max(numeric ?? 0, hit ? 1 : 0);
            }
        }
        var bleu = SacreBleu.Sentence(prediction, usable);
        return new Scores(100 * exact, 100 * substring, 100 * f1, bleu, 100 * rougeL, 100 * rougeLStemmed, numeric * 100);
    }

    // A pair too long to score makes the best unknown, not smaller.
    private static double? Max(double? best, double? next) => best is { } a && next is { } b ? Math.Max(a, b) : null;
}
