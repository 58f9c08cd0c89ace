namespace LlmLab.Quality.Metrics;

/// <summary>
/// English syllables by vowel groups, corrected by the spelling patterns that break the simple count: silent final
/// -e, -es and -ed (but consonant + -le, -les, -led are syllables: "ta-bles", "puz-zled"); a silent e inside a word
/// before a suffix ("hope-less", "care-ful"); vowel pairs read as two syllables ("cre-a-tive", "qui-et", "ra-di-o",
/// "go-ing"); y as a consonant between vowels ("be-yond") and as a vowel of its own before one ("cry-ing"); and a short
/// list of irregular words. At least one per word; a word without ASCII letters ("1990", "日本") counts as one.
/// </summary>
public static class SyllableCounter
{
    public static int Count(string word)
    {
        Span<char> letters = stackalloc char[Math.Min(word.Length, 64)];
        var length = 0;
        var wordLike = false;
        foreach (var c in word)
        {
            wordLike |= char.IsLetterOrDigit(c);
            if (length < letters.Length && char.IsAsciiLetter(c)) letters[length++] = char.ToLowerInvariant(c);
        }
        if (length == 0) return wordLike ? 1 : 0;
        var w = new string(letters[..length]);
        if (Irregular.TryGetValue(w, out var known)) return known;

        var count = VowelGroups(w);
        count -= SilentEndings(w);
        count -= SilentInnerE(w);
        count += SplitVowelPairs(w);
        return Math.Max(1, count);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>y is a vowel except first or between vowels; a vowel y before another vowel is a group of its own ("cry-ing").</summary>
    private static bool IsVowelAt(string w, int i)
    {
        if (IsVowel(w[i])) return true;
        if (w[i] != 'y' || i == 0) return false;
        return !(IsVowel(w[i - 1]) && i + 1 < w.Length && IsVowel(w[i + 1]));
    }

    private static int VowelGroups(string w)
    {
        var count = 0;
        for (var i = 0; i < w.Length; i++)
        {
            if (!IsVowelAt(w, i)) continue;
            var continues = i > 0 && IsVowelAt(w, i - 1) && w[i - 1] != 'y';
            if (!continues) count++;
        }
        return count;
    }

    private static bool IsConsonantAt(string w, int i) => i >= 0 && i < w.Length && !IsVowelAt(w, i);

    private static int SilentEndings(string w)
    {
        var n = w.Length;
        if (n < 3) return 0;
        // Final e after a consonant: silent, unless consonant + "le" ("table").
        if (w[^1] == 'e' && IsConsonantAt(w, n - 2))
            return w[^2] == 'l' && IsConsonantAt(w, n - 3) ? 0 : 1;
        if (n < 4 || !IsConsonantAt(w, n - 3)) return 0;
        // "-es": silent after most consonants ("makes"), a syllable after sibilants, c, g and consonant + l ("boxes", "places", "tables").
        if (w.EndsWith("es", StringComparison.Ordinal))
        {
            var before = w[^3];
            if (before is 's' or 'x' or 'z' or 'c' or 'g') return 0;
            if (before == 'h' && w[^4] is 'c' or 's') return 0;
            if (before == 'l' && IsConsonantAt(w, n - 4) && w[^4] != 'l') return 0;
            return 1;
        }
        // "-ed": silent except after t or d ("wanted") and consonant + l ("puzzled", but "called").
        if (w.EndsWith("ed", StringComparison.Ordinal))
        {
            var before = w[^3];
            if (before is 't' or 'd') return 0;
            if (before == 'l' && IsConsonantAt(w, n - 4) && w[^4] != 'l') return 0;
            return 1;
        }
        return 0;
    }

    private static readonly string[] SuffixesAfterSilentE =
        ["less", "ful", "fully", "ment", "ments", "ness", "ly", "some", "thing", "things", "where", "times", "time", "work", "way", "ways"];

    /// <summary>A vowel + consonant + e stem before a consonant suffix keeps its e silent: "hope|less", "state|ment", "some|thing".</summary>
    private static int SilentInnerE(string w)
    {
        foreach (var suffix in SuffixesAfterSilentE)
        {
            var at = w.Length - suffix.Length - 1;
            if (at < 2 || !w.EndsWith(suffix, StringComparison.Ordinal) || w[at] != 'e' || !IsConsonantAt(w, at - 1)) continue;
            // Consonant + "le" is a syllable ("settle|ment"); otherwise vowel + consonants + e is a silent e ("waste|ful").
            if (w[at - 1] == 'l' && IsConsonantAt(w, at - 2)) return 0;
            var k = at - 1;
            while (k >= 0 && IsConsonantAt(w, k)) k--;
            return k >= 0 ? 1 : 0;
        }
        return 0;
    }

    /// <summary>Vowel pairs that are two syllables although they are one vowel group.</summary>
    private static int SplitVowelPairs(string w)
    {
        var extra = 0;
        for (var i = 0; i + 1 < w.Length; i++)
        {
            var rest = w.AsSpan(i);
            var before = i > 0 ? w[i - 1] : ' ';
            var softened = before is 'c' or 't' or 's' or 'g' or 'x'; // "-cial", "-tion", "-sion", "-gion": one syllable
            if (rest.StartsWith("ia")) extra += softened && before != 'g' ? 0 : 1;                     // gi-ant, me-di-a
            else if (rest.StartsWith("io")) extra += softened || IsOneSyllableIon(w, i) ? 0 : 1;      // ra-di-o, pe-ri-od
            else if (rest.StartsWith("iu") || rest.StartsWith("ii")) extra++;                          // me-di-um, ski-ing
            else if (rest.StartsWith("eo")) extra += rest.StartsWith("eop") || (before == 'g' && i > 1) ? 0 : 1; // the-o-ry, ge-og-ra-phy, but peo-ple, pi-geon
            else if (rest.StartsWith("uen")) extra += before is 'q' or 'g' ? 0 : 1;                    // in-flu-ence, but fre-quent
            else if (rest.StartsWith("iet")) extra++;                                                  // qui-et, di-et
            else if (rest.StartsWith("ient") || rest.StartsWith("ienc")) extra += before is 'c' or 't' ? 0 : 1; // cli-ent, au-di-ence, but pa-tient
            else if (rest is "ier" or "iers" or "iest" && i > 1) extra++;                              // hap-pi-er
            else if (rest.StartsWith("ua") && before is not ('g' or 'q') && !(i + 2 < w.Length && IsVowel(w[i + 2]))) extra++; // ac-tu-al
            else if (IsVowel(rest[0]) && rest[1..].StartsWith("ing") && before != 'q' && i > 0) extra++;                    // go-ing
            else if (rest is "ea" && i > 1 && IsConsonantAt(w, i - 1)) extra++;                        // i-de-a, Ko-re-a
            else if (rest.StartsWith("eat") && w.StartsWith("cre", StringComparison.Ordinal) && i == 2 && rest.Length > 3
                && IsVowel(rest[3])) extra++;                                                          // cre-a-tive, cre-a-tion
        }
        if (w.EndsWith("ism", StringComparison.Ordinal) && w.Length > 4) extra++;                       // tour-is-m
        return extra;
    }

    // "mil-lion", "on-ion", "o-pin-ion": -lion after l and -nion are one syllable.
    private static bool IsOneSyllableIon(string w, int i) =>
        w.AsSpan(i).StartsWith("ion") && i >= 2 && (w[i - 1] == 'n' || (w[i - 1] == 'l' && w[i - 2] == 'l'));

    private static readonly Dictionary<string, int> Irregular = new(StringComparer.Ordinal)
    {
        ["business"] = 2, ["wednesday"] = 2, ["rhythm"] = 2, ["rhythms"] = 2, ["poem"] = 2, ["poems"] = 2, ["poet"] = 2,
        ["science"] = 2, ["sciences"] = 3, ["recipe"] = 3, ["recipes"] = 3, ["simile"] = 3, ["apostrophe"] = 4,
        ["catastrophe"] = 4, ["karate"] = 3, ["sesame"] = 3, ["cafe"] = 2, ["naive"] = 2, ["area"] = 3, ["areas"] = 3,
        ["idea"] = 3, ["ideas"] = 3, ["being"] = 2, ["every"] = 2, ["everything"] = 3, ["everyone"] = 3, ["everybody"] = 4,
        ["evening"] = 2, ["maybe"] = 2, ["people"] = 2, ["someone"] = 2, ["anyone"] = 3, ["whereas"] = 2, ["forever"] = 3,
        ["create"] = 2, ["created"] = 3, ["creates"] = 2, ["real"] = 1, ["really"] = 2, ["ocean"] = 2, ["oceans"] = 2,
        ["element"] = 3, ["elements"] = 3, ["lion"] = 2, ["lions"] = 2, ["diamond"] = 3, ["violin"] = 3, ["violent"] = 3, ["video"] = 3, ["videos"] = 3,
    };
}
