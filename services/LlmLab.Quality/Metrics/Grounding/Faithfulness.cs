using System.Text.RegularExpressions;
using LlmLab.Quality.Metrics.Reference;
using LlmLab.Quality.Text;

namespace LlmLab.Quality.Metrics.Grounding;

/// <summary>How many of an answer's claims the retrieved passages support, and how many claims it made.</summary>
public sealed record FaithfulnessResult(int Claims, int Supported)
{
    /// <summary>0..100; null when the answer makes no claim (no content word), which is neither faithful nor not.</summary>
    public double? Score => Claims == 0 ? null : 100.0 * Supported / Claims;
}

/// <summary>
/// Lexical entailment of an answer by the passages it was given (docs/metrics.md "faithfulness"): the answer is cut into
/// claims (sentences, and clauses after ";" or after a comma before and/but/while/whereas/so/which); a claim's content
/// words are its SQuAD-normalised tokens that are not stop words; a claim is supported when at least
/// <see cref="SupportThreshold"/> of its distinct content words occur among the passages' normalised tokens.
/// Lexical only: a paraphrase is unsupported, and a claim that recombines passage words into a false statement is supported.
/// </summary>
public static partial class Faithfulness
{
    public const double SupportThreshold = 0.6;

    [GeneratedRegex(@"(?<=[.!?;])\s+|[\r\n]+|,\s+(?=(?:and|but|while|whereas|so|which)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimBoundary();

    public static FaithfulnessResult Of(string answer, IReadOnlyList<string> passages)
    {
        var evidence = new HashSet<string>(StringComparer.Ordinal);
        foreach (var passage in passages) evidence.UnionWith(Squad.Tokens(passage));
        var claims = 0;
        var supported = 0;
        foreach (var claim in Claims(answer))
        {
            var words = ContentWords(claim);
            if (words.Count == 0) continue;
            claims++;
            if ((double)words.Count(evidence.Contains) / words.Count >= SupportThreshold) supported++;
        }
        return new FaithfulnessResult(claims, supported);
    }

    public static IReadOnlyList<string> Claims(string answer) =>
        ClaimBoundary().Split(answer).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();

    private static HashSet<string> ContentWords(string claim) =>
        Squad.Tokens(claim).Where(t => !StopWords.Contains(t)).ToHashSet(StringComparer.Ordinal);
}
