using System.Text.RegularExpressions;
using LlmLab.Quality.Text;

namespace LlmLab.Quality.Metrics;

/// <summary>
/// Does the response address every part of the prompt? 50% the share of the prompt's questions whose content stems
/// the response covers by half or more, 30% the requested item count met (list lines, else sentences), 20% ending on a
/// complete sentence; ×0.7 when max_tokens cut the output.
/// </summary>
public static partial class Completeness
{
    [GeneratedRegex(@"^\s*(?:[-*•]|\d{1,2}[.)])\s+\S", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    public static double Score(AnalyzedText response, RequestedParts requested, string finishReason)
    {
        if (response.Words.Count == 0) return 0;
        var stems = response.Stems.ToHashSet();
        var addressed = requested.Parts.Count == 0
            ? 1.0
            : requested.Parts.Count(part => (double)part.Count(stems.Contains) / part.Count >= 0.5) / (double)requested.Parts.Count;

        var items = ListItem().Count(response.Text) is var listed and > 0 ? listed : response.Sentences.Count;
        var countMet = requested.ItemCount is { } wanted ? Math.Min(1, (double)items / wanted) : 1;
        var ending = response.EndsWithCompleteSentence ? 1 : 0.6;
        var score = 100 * (0.5 * addressed + 0.3 * countMet + 0.2 * ending);
        return Math.Round(finishReason == "length" ? score * 0.7 : score, 2);
    }
}
