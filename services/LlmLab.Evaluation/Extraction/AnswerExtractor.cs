using System.Text.RegularExpressions;

namespace LlmLab.Evaluation.Extraction;

/// <summary>
/// Finds the answer in a model's output: the last "Final Answer:" / "Answer:" line, else "Therefore …" / "the answer
/// is …", else the last non-empty line; then strips markup and closing punctuation. For numeric questions the last
/// number of that span, normalised (<see cref="NumericAnswer"/>).
/// </summary>
public static partial class AnswerExtractor
{
    [GeneratedRegex(@"(?:final[ \t]+answer|answer)[ \t]*(?:is)?[ \t]*[:：][ \t]*(?<a>[^\n]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnswerLabel();

    [GeneratedRegex(@"\b(?:therefore|thus|so)\b[, ]*(?:the\s+(?:final\s+)?answer\s+is\b)?[:, ]*(?<a>[^\n]*)|the\s+(?:final\s+)?answer\s+is\b[:, ]*(?<a>[^\n]*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Conclusion();

    public static string Extract(string output, bool numeric)
    {
        var span = Span(output);
        if (numeric) return NumericAnswer.LastNumber(span) ?? NumericAnswer.LastNumber(output) ?? Clean(span);
        return Clean(span);
    }

    /// <summary>The part of the output that states the answer, before cleaning.</summary>
    private static string Span(string output)
    {
        var labelled = AnswerLabel().Matches(output).LastOrDefault(m => m.Groups["a"].Value.Trim().Length > 0);
        if (labelled is not null) return labelled.Groups["a"].Value;
        var concluded = Conclusion().Matches(output).LastOrDefault(m => m.Groups["a"].Value.Trim().Length > 0);
        if (concluded is not null) return concluded.Groups["a"].Value;
        return output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "";
    }

    private static string Clean(string span)
    {
        var text = span.Trim().Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Trim();
        if (text.StartsWith("is ", StringComparison.OrdinalIgnoreCase)) text = text[3..];
        text = text.Trim().Trim('"', '\'', '`', '“', '”', '‘', '’').Trim();
        while (text.Length > 0 && text[^1] is '.' or '!' or '?' or ',' or ';' or ':') text = text[..^1].TrimEnd();
        return text.Trim('"', '\'', '`', '“', '”').Trim();
    }
}
