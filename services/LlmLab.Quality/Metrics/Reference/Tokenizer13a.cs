using System.Text;
using System.Text.RegularExpressions;

namespace LlmLab.Quality.Metrics.Reference;

/// <summary>
/// sacreBLEU's default "13a" tokenizer (mteval-v13a): a few entity and line-break replacements, every ASCII symbol but
/// apostrophe, comma, hyphen and period split off, then period and comma split unless between digits, and a hyphen
/// split after a digit. Case is kept.
/// </summary>
public static partial class Tokenizer13a
{
    public static List<string> Tokenize(string line)
    {
        line = PythonText.TrimEnd(line);
        if (line.Contains('&') || line.Contains('\n') || line.Contains("<skipped>", StringComparison.Ordinal))
        {
            line = line.Replace("<skipped>", "", StringComparison.Ordinal).Replace("-\n", "", StringComparison.Ordinal)
                .Replace('\n', ' ').Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal)
                .Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal);
        }
        var spaced = new StringBuilder(line.Length * 2 + 2).Append(' ');
        foreach (var c in line)
        {
            if (IsSplitSymbol(c)) spaced.Append(' ').Append(c).Append(' ');
            else spaced.Append(c);
        }
        var text = spaced.Append(' ').ToString();
        if (text.AsSpan().IndexOfAny(".,-") >= 0)
        {
            text = PeriodOrCommaAfterNonDigit().Replace(text, "$1 $2 ");
            text = PeriodOrCommaBeforeNonDigit().Replace(text, " $1 $2");
            text = HyphenAfterDigit().Replace(text, "$1 $2 ");
        }
        return PythonText.Split(text);
    }

    // [\{-\~\[-\` -\&\(-\+\:-\@\/]: ASCII symbols except ' , - . (the space in the class changes nothing after splitting).
    private static bool IsSplitSymbol(char c) => c is >= '{' and <= '~' or >= '[' and <= '`' or >= '!' and <= '&'
        or >= '(' and <= '+' or >= ':' and <= '@' or '/';

    [GeneratedRegex("([^0-9])([\\.,])", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodOrCommaAfterNonDigit();

    [GeneratedRegex("([\\.,])([^0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodOrCommaBeforeNonDigit();

    [GeneratedRegex("([0-9])(-)", RegexOptions.CultureInvariant)]
    private static partial Regex HyphenAfterDigit();
}
