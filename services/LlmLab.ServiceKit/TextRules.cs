namespace LlmLab.ServiceKit;

/// <summary>
/// The one rule for text a caller sends: no NUL character (PostgreSQL cannot store it), no lone UTF-16 surrogate (not
/// text; it cannot be encoded as UTF-8), and at most a given length. Every endpoint that takes text asks it, so a bad
/// string is a 4xx naming the field instead of a 500 from the database or the encoder.
/// </summary>
public static class TextRules
{
    /// <summary>Names, titles, tags and other short labels.</summary>
    public const int MaxName = 200;

    /// <summary>Provider names (their database columns are 100 wide).</summary>
    public const int MaxProvider = 100;

    /// <summary>Model names (their database columns are 200 wide).</summary>
    public const int MaxModel = 200;

    /// <summary>Free-text descriptions.</summary>
    public const int MaxDescription = 10_000;

    /// <summary>A prompt, or the text of all messages of one chat request together.</summary>
    public const int MaxPrompt = 100_000;

    /// <summary>A query-string value.</summary>
    public const int MaxQueryValue = 2_000;

    /// <summary>Any string in a JSON body, whatever its field: the backstop behind the per-field limits.</summary>
    public const int MaxAnyString = 1_000_000;

    /// <summary>What is wrong with the text, or null when it is acceptable (null text is acceptable: required is another rule).</summary>
    public static string? Problem(string? text, int maxLength)
    {
        if (text is null) return null;
        if (text.Length > maxLength) return $"must be at most {maxLength} characters (got {text.Length}).";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return $"must not contain a NUL character (at index {i}).";
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                return $"must be valid Unicode text (a lone surrogate at index {i}).";
            }
            if (char.IsLowSurrogate(c)) return $"must be valid Unicode text (a lone surrogate at index {i}).";
        }
        return null;
    }

    /// <summary>Adds the problem of <paramref name="text"/> to <paramref name="errors"/> under <paramref name="field"/>; true when it was fine.</summary>
    public static bool Check(IDictionary<string, string[]> errors, string field, string? text, int maxLength)
    {
        if (Problem(text, maxLength) is not { } problem) return true;
        errors.TryAdd(field, [problem]);
        return false;
    }

    /// <summary>The 4xx answer for the first bad text among the fields, or null; too long is 413, anything else 422.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? FirstInvalid(params (string Field, string? Text, int MaxLength)[] fields)
    {
        foreach (var (field, text, max) in fields)
        {
            if (Problem(text, max) is { } problem)
            {
                return Problems.Invalid(field, problem, text!.Length > max
                    ? Microsoft.AspNetCore.Http.StatusCodes.Status413PayloadTooLarge
                    : Microsoft.AspNetCore.Http.StatusCodes.Status422UnprocessableEntity);
            }
        }
        return null;
    }
}
