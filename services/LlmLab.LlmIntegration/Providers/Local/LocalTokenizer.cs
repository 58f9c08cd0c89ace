using System.Text;
using System.Text.RegularExpressions;

namespace LlmLab.LlmIntegration.Providers.Local;

/// <summary>Words (with inner apostrophes) and single punctuation marks; the local engine's tokens and its token counter.</summary>
public static partial class LocalTokenizer
{
    public const string DocumentStart = "<s>";
    public const string DocumentEnd = "</s>";

    [GeneratedRegex(@"\w+(?:['’]\w+)*|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    public static List<string> Tokenize(string text) =>
        TokenPattern().Matches(text).Select(m => m.Value).ToList();

    public static int Count(string text) => TokenPattern().Count(text);

    public static bool IsWord(string token) => token.Length > 0 && char.IsLetterOrDigit(token[0]);

    /// <summary>Appends a token with English spacing: no space before closing punctuation or after an opening one.</summary>
    public static void Append(StringBuilder text, string token)
    {
        var noSpaceBefore = token is "." or "," or ";" or ":" or "!" or "?" or ")" or "]" or "%" or "'" || text.Length == 0;
        var previous = text.Length > 0 ? text[^1] : ' ';
        if (!noSpaceBefore && previous is not ('(' or '[' or '-'))
        {
            text.Append(' ');
        }
        text.Append(token);
    }
}
