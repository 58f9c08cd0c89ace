using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmLab.Evaluation.Extraction;

/// <summary>
/// Numbers as answers: "1,000", "$19.00", "19.0" and "−3" normalise to one canonical form ("1000", "19", "-3"),
/// so an exact match compares values, not spellings.
/// </summary>
public static partial class NumericAnswer
{
    [GeneratedRegex(@"[-−]?\$?\d{1,3}(?:[,\u00a0]\d{3})+(?:\.\d+)?(?!\d)|[-−]?\$?\d+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    /// <summary>Whether the whole text is one number ("1,000", "-2.5").</summary>
    public static bool IsNumeric(string text) => NumberPattern().Match(text.Trim()) is { Success: true } m && m.Length == text.Trim().Length && TryParse(m.Value, out _);

    /// <summary>The last number in <paramref name="text"/>, canonical; null when it holds none.</summary>
    public static string? LastNumber(string text)
    {
        var matches = NumberPattern().Matches(text);
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            if (TryParse(matches[i].Value, out var value)) return Canonical(value);
        }
        return null;
    }

    public static string Canonical(decimal value) => value == 0 ? "0" : value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static bool TryParse(string text, out decimal value)
    {
        var cleaned = text.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal)
            .Replace("\u00a0", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace('−', '-');
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }
}
