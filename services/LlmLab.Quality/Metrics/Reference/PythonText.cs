using System.Globalization;
using System.Text;

namespace LlmLab.Quality.Metrics.Reference;

/// <summary>
/// The string rules of Python 3 that the reference scripts rely on (str.lower, str.split, str.isspace, the \w of re),
/// so that our tokens are theirs character for character, not .NET's near equivalents.
/// </summary>
public static class PythonText
{
    /// <summary>str.isspace: bidirectional classes WS, B, S or category Zs (includes U+001C–U+001F, unlike char.IsWhiteSpace).</summary>
    public static bool IsSpace(char c) => c switch
    {
        >= '\t' and <= '\r' => true,
        >= '\u001C' and <= ' ' => true,
        '\u0085' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        >= '\u2000' and <= '\u200A' => true,
        _ => false,
    };

    /// <summary>The \w of Python's re on str: alphanumeric (letters, all numbers) or underscore; combining marks are not.</summary>
    public static bool IsWordAt(string s, int i)
    {
        var c = s[i];
        if (c < 128) return char.IsAsciiLetterOrDigit(c) || c == '_';
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            return IsAlphanumeric(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, s[i + 1])));
        if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(s[i - 1]))
            return IsAlphanumeric(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(s[i - 1], c)));
        return IsAlphanumeric(CharUnicodeInfo.GetUnicodeCategory(c));
    }

    private static bool IsAlphanumeric(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
        or UnicodeCategory.OtherNumber;

    /// <summary>str.split() without arguments: runs of whitespace separate, none at either end.</summary>
    public static List<string> Split(string s)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i < s.Length; i++)
        {
            if (IsSpace(s[i]))
            {
                if (start >= 0) tokens.Add(s[start..i]);
                start = -1;
            }
            else if (start < 0) start = i;
        }
        if (start >= 0) tokens.Add(s[start..]);
        return tokens;
    }

    /// <summary>str.rstrip() without arguments.</summary>
    public static string TrimEnd(string s)
    {
        var end = s.Length;
        while (end > 0 && IsSpace(s[end - 1])) end--;
        return end == s.Length ? s : s[..end];
    }

    /// <summary>
    /// str.lower(): the full Unicode lower-case mapping. It differs from .NET's simple mapping in two places that
    /// change results: U+0130 becomes "i" + U+0307, and a capital sigma ending a word becomes the final sigma.
    /// </summary>
    public static string Lower(string s)
    {
        var ascii = true;
        foreach (var c in s)
        {
            if (c >= 128) { ascii = false; break; }
        }
        if (ascii) return s.ToLowerInvariant();

        var builder = new StringBuilder(s.Length + 4);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\u0130') builder.Append("i\u0307");
            else if (c == '\u03A3') builder.Append(IsFinalSigma(s, i) ? '\u03C2' : '\u03C3');
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                builder.Append(char.ConvertFromUtf32(Rune.ToLowerInvariant(new Rune(c, s[i + 1])).Value));
                i++;
            }
            else builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    // Unicode's Final_Sigma condition: a cased letter before (skipping case-ignorables) and none after.
    private static bool IsFinalSigma(string s, int at)
    {
        var before = false;
        for (var j = at - 1; j >= 0; j--)
        {
            if (IsCaseIgnorable(s[j])) continue;
            before = IsCased(s[j]);
            break;
        }
        if (!before) return false;
        for (var j = at + 1; j < s.Length; j++)
        {
            if (IsCaseIgnorable(s[j])) continue;
            return !IsCased(s[j]);
        }
        return true;
    }

    private static bool IsCased(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(char c) => c is '\'' or '.' or ':' or '^' or '`' or '\u00B7' or '\u2019' or '\u2018' or '\u2024' or '\u00AD'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;
}
