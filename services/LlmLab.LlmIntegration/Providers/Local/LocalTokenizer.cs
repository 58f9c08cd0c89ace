using System.Text;
using System.Text.RegularExpressions;

namespace LlmLab.LlmIntegration.Providers.Local;

/// <summary>Words (with inner apostrophes) and single punctuation marks; the local engine's tokens and its token counter.</summary>
public static partial class LocalTokenizer
{
    public const string DocumentStart = "<s>";
    public const string DocumentEnd = "</s>";

    /// <summary>The longest run of word characters one token holds; a longer "word" is split into tokens this long.</summary>
    public const int MaxWordPart = 48;

    /// <summary>Apostrophe-joined parts one token holds ("o'er'n't…" beyond that starts a new token).</summary>
    private const int MaxJoinedParts = 4;

    // Bounded quantifiers: a token is at most 4 × 48 + 3 characters, so tokenizing is linear and the engine never
    // carries (or generates) a million-character token.
    [GeneratedRegex(@"\w{1,48}(?:['’]\w{1,48}){0,3}|[^\w\s]", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    /// <summary>The longest token the tokenizer makes.</summary>
    public const int MaxTokenLength = MaxJoinedParts * MaxWordPart + MaxJoinedParts - 1;

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
