using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmLab.Quality.Metrics;

/// <summary>
/// 100 when the word count lies in the range the prompt asks for ("in 50 words": 40–60) or, failing that,
/// in 40 words .. ¾ of max_tokens; proportionally less outside; ×0.8 when the output was cut by max_tokens.
/// </summary>
public static partial class LengthAppropriateness
{
    public const int DefaultMinimumWords = 40;

    [GeneratedRegex(@"\b(\d{1,5})\s+words?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequestedWords();

    public static (int Low, int High) TargetRange(string prompt, int maxTokens)
    {
        var match = RequestedWords().Match(prompt);
        if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0)
        {
            return ((int)Math.Floor(asked * 0.8), (int)Math.Ceiling(asked * 1.2));
        }
        var high = maxTokens > 0 ? Math.Max(DefaultMinimumWords + 20, (int)(maxTokens * 0.75)) : 400;
        return (DefaultMinimumWords, high);
    }

    public static double Score(int words, string prompt, int maxTokens, string finishReason)
    {
        if (words == 0) return 0;
        var (low, high) = TargetRange(prompt, maxTokens);
        var score = words < low ? 100.0 * words / low : words > high ? 100.0 * high / words : 100.0;
        return finishReason == "length" ? score * 0.8 : score;
    }
}
