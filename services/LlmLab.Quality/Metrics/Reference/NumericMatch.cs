using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmLab.Quality.Metrics.Reference;

/// <summary>
/// Numeric answers: a reference is numeric when, trimmed of a currency sign, a percent sign and a final period, it is
/// one number ("1,000", "-3.5", "$12", "40%"); the prediction's answer is the last number it contains (thousands
/// separators allowed). They match when |prediction − reference| ≤ max(1e-9, tolerance·|reference|).
/// </summary>
public static partial class NumericMatch
{
    public const double DefaultRelativeTolerance = 1e-6;

    /// <summary>The reference's value, or null when it is not a single number.</summary>
    public static double? ReferenceValue(string reference)
    {
        var trimmed = reference.Trim().TrimEnd('.').Trim();
        var match = WholeNumber().Match(trimmed);
        return match.Success ? Parse(match.Groups["n"].Value) : null;
    }

    /// <summary>The last number in the prediction, or null when it has none.</summary>
    public static double? LastNumber(string prediction)
    {
        var matches = AnyNumber().Matches(prediction);
        for (var i = matches.Count - 1; i >= 0; i--)
        {
            if (Parse(matches[i].Value) is { } value) return value;
        }
        return null;
    }

    public static bool Matches(double prediction, double reference, double relativeTolerance) =>
        Math.Abs(prediction - reference) <= Math.Max(1e-9, relativeTolerance * Math.Abs(reference));

    private static double? Parse(string number)
    {
        var plain = number.Replace(",", "", StringComparison.Ordinal).Replace('\u2212', '-');
        return double.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) ? value : null;
    }

    private const string Number = @"[-+\u2212]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|[-+\u2212]?\.[0-9]+";

    [GeneratedRegex(@"^[$€£¥]?\s*(?<n>" + Number + @")\s*%?$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"(?<![0-9.,])(?:" + Number + @")(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex AnyNumber();
}
