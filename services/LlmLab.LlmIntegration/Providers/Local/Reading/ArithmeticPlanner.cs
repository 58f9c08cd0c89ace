using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmLab.LlmIntegration.Providers.Local.Reading;

/// <summary>
/// Turns an arithmetic word problem into an expression for a calculator tool: its numbers in order, each joined to the
/// running result by the operation its clause's cue words name ("more" +, "gives away" −, "each" ×, "equally among" ÷).
/// This is the built-in engine's planning for tool use; it computes nothing itself.
/// </summary>
public static partial class ArithmeticPlanner
{
    private static readonly (char Operator, string[] Cues)[] Cues =
    [
        ('/', ["equally", "among", "split", "divide", "divided", "divides", "share", "shares", "shared", "per person", "each get", "each receive", "average"]),
        ('*', ["each", "times", "every", "per", "rows of", "boxes of", "groups of", "packs of", "bags of", "multiplied", "costs", "at"]),
        ('-', ["gives", "gave", "give", "loses", "lost", "eats", "ate", "spends", "spent", "sells", "sold", "fewer", "less", "away", "uses", "used",
               "minus", "takes", "took", "removes", "removed", "breaks", "broke", "subtract", "pays", "paid", "drops", "dropped", "donates", "donated", "left", "broken", "eaten", "given"]),
        ('+', ["more", "buys", "bought", "gets", "got", "receives", "received", "finds", "found", "adds", "added", "plus", "gains", "earns", "earned",
               "another", "joins", "joined", "picks", "picked", "collects", "collected", "increases", "total", "altogether", "sum"]),
    ];

    /// <summary>More numbers than this is a table or a list, not a word problem.</summary>
    private const int MaxQuantities = 12;

    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10,
        ["eleven"] = 11, ["twelve"] = 12, ["twenty"] = 20, ["dozen"] = 12, ["hundred"] = 100,
    };

    [GeneratedRegex(@"\$?\d+(?:,\d{3})*(?:\.\d+)?|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozen|hundred)\b|\b(?:twice|double|half|triple)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();

    /// <summary>
    /// An expression such as "34 + 2 * 19 - 13" (usual precedence: "buys 2 packs of 19" binds as 2 × 19), or null when the
    /// text holds fewer than two quantities.
    /// </summary>
    public static string? Plan(string problem)
    {
        var matches = Quantity().Matches(problem).Take(MaxQuantities + 1).ToList();
        var quantities = new List<(int Index, int End, string Value, char? Implied)>();
        foreach (var m in matches)
        {
            var word = m.Value.ToLowerInvariant();
            (string Value, char? Implied) q = word switch
            {
                "twice" or "double" => ("2", '*'),
                "triple" => ("3", '*'),
                "half" => ("2", '/'),
                _ when NumberWords.TryGetValue(word, out var n) => (n.ToString(CultureInfo.InvariantCulture), null),
                _ => (word.TrimStart('$').Replace(",", "", StringComparison.Ordinal), null),
            };
            quantities.Add((m.Index, m.Index + m.Length, q.Value, q.Implied));
        }
        if (quantities.Count is < 2 or > MaxQuantities) return null;

        var expression = quantities[0].Value;
        for (var i = 1; i < quantities.Count; i++)
        {
            var previousEnd = quantities[i - 1].End;
            var nextStart = i + 1 < quantities.Count ? quantities[i + 1].Index : problem.Length;
            var before = problem[previousEnd..quantities[i].Index];
            var after = problem[quantities[i].End..nextStart];
            var op = quantities[i].Implied ?? OperatorFor(before, after, problem);
            expression = $"{expression} {op} {quantities[i].Value}";
        }
        return expression;
    }

    /// <summary>
    /// The operation whose cue is nearest before the quantity; else the first cue in the few words right after it
    /// ("7 books in each box", "30 were lost"); else a rate word anywhere in the problem (×); else addition.
    /// </summary>
    private static char OperatorFor(string before, string after, string problem)
    {
        if (NearestCue(Words(before), fromEnd: true) is { } beforeOp) return beforeOp;
        if (NearestCue(Words(after).Take(4).ToList(), fromEnd: false) is { } afterOp) return afterOp;
        var all = Words(problem);
        return all.Contains("each") || all.Contains("per") || all.Contains("every") ? '*' : '+';
    }

    private static char? NearestCue(List<string> words, bool fromEnd)
    {
        char? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (op, cues) in Cues)
        {
            foreach (var cue in cues)
            {
                if (cue == "and") continue;
                var at = LastIndexOfPhrase(words, cue);
                if (at < 0) continue;
                var distance = fromEnd ? words.Count - at : at;
                if (distance < bestDistance) (best, bestDistance) = (op, distance);
            }
        }
        return best;
    }

    private static List<string> Words(string text) =>
        Regex.Matches(text.ToLowerInvariant(), @"[a-z]+").Select(m => m.Value).ToList();

    private static bool ContainsPhrase(List<string> words, string phrase) => LastIndexOfPhrase(words, phrase) >= 0;

    private static int LastIndexOfPhrase(List<string> words, string phrase)
    {
        var parts = phrase.Split(' ');
        for (var i = words.Count - parts.Length; i >= 0; i--)
        {
            var match = true;
            for (var j = 0; j < parts.Length && match; j++) match = words[i + j] == parts[j];
            if (match) return i;
        }
        return -1;
    }
}
