namespace LlmLab.Quality.Metrics;

/// <summary>English syllables by vowel groups, with the common silent-e and -le rules; at least one per word.</summary>
public static class SyllableCounter
{
    public static int Count(string word)
    {
        Span<char> letters = stackalloc char[Math.Min(word.Length, 64)];
        var length = 0;
        foreach (var c in word)
        {
            if (length == letters.Length) break;
            if (char.IsAsciiLetter(c)) letters[length++] = char.ToLowerInvariant(c);
        }
        if (length == 0) return 0;
        var w = letters[..length];

        var count = 0;
        var previousVowel = false;
        for (var i = 0; i < w.Length; i++)
        {
            var vowel = IsVowel(w[i]) || (w[i] == 'y' && i > 0);
            if (vowel && !previousVowel) count++;
            previousVowel = vowel;
        }

        // A final "e" is usually silent ("make"), except in a consonant + "le" ending ("table") or "ee" ("free").
        if (w.Length > 2 && w[^1] == 'e' && !IsVowel(w[^2]) && !(w[^2] == 'l' && !IsVowel(w[^3])) && count > 1) count--;
        // "-ed" after anything but t/d is silent ("jumped", but "wanted").
        if (w.Length > 3 && w[^2] == 'e' && w[^1] == 'd' && w[^3] is not ('t' or 'd') && !IsVowel(w[^3]) && count > 1) count--;
        // "-es" is silent unless it follows a sibilant ("makes", but "boxes", "wishes").
        if (w.Length > 3 && w[^2] == 'e' && w[^1] == 's' && w[^3] is not ('s' or 'x' or 'z' or 'h' or 'c' or 'g') && !IsVowel(w[^3]) && count > 1) count--;
        return Math.Max(1, count);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
