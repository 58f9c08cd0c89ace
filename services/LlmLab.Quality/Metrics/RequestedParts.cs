using System.Text.RegularExpressions;
using LlmLab.Quality.Text;

namespace LlmLab.Quality.Metrics;

/// <summary>What a prompt asks for: its questions (each a set of content stems) and a requested number of items.</summary>
public sealed partial record RequestedParts(IReadOnlyList<HashSet<string>> Parts, int? ItemCount)
{
    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
    };

    [GeneratedRegex(@"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?(reasons?|ways?|examples?|tips?|steps?|items?|ideas?|points?|benefits?|things?|questions?|facts?|causes?|advantages?|disadvantages?|sentences?|bullet points?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountPattern();

    [GeneratedRegex(@"\b(?:list|name|give|provide|suggest)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"[^.?!\n]*\?", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionPattern();

    public static RequestedParts Of(string prompt)
    {
        var questions = QuestionPattern().Matches(prompt)
            .Select(m => new AnalyzedText(m.Value).ContentStems().ToHashSet())
            .Where(q => q.Count > 0)
            .ToList();
        if (questions.Count == 0)
        {
            var whole = new AnalyzedText(prompt).ContentStems().ToHashSet();
            if (whole.Count > 0) questions.Add(whole);
        }

        var match = CountPattern().Match(prompt) is { Success: true } m ? m : ListPattern().Match(prompt);
        int? count = match.Success ? NumberWords.TryGetValue(match.Groups[1].Value, out var n) ? n : int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new RequestedParts(questions, count);
    }
}
