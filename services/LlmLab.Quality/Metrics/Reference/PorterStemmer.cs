namespace LlmLab.Quality.Metrics.Reference;

/// <summary>
/// The Porter stemmer as NLTK's <c>PorterStemmer()</c> applies it by default (mode NLTK_EXTENSIONS, NLTK 3.8), which is
/// what rouge-score uses with use_stemmer=True. Input is a lower-case word; rouge-score only passes words longer than
/// three characters.
/// </summary>
public static class PorterStemmer
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.Ordinal)
    {
        ["sky"] = "sky", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie", ["news"] = "news",
        ["innings"] = "inning", ["inning"] = "inning", ["outings"] = "outing", ["outing"] = "outing",
        ["cannings"] = "canning", ["canning"] = "canning", ["howe"] = "howe", ["proceed"] = "proceed",
        ["exceed"] = "exceed", ["succeed"] = "succeed",
    };

    public static string Stem(string word)
    {
        if (Irregular.TryGetValue(word, out var irregular)) return irregular;
        if (word.Length <= 2) return word;
        var stem = Step1a(word);
        stem = Step1b(stem);
        stem = Step1c(stem);
        stem = Step2(stem);
        stem = Step3(stem);
        stem = Step4(stem);
        stem = Step5a(stem);
        return Step5b(stem);
    }

    private static bool IsConsonant(string word, int i)
    {
        var c = word[i];
        if (c is 'a' or 'e' or 'i' or 'o' or 'u') return false;
        if (c == 'y') return i == 0 || !IsConsonant(word, i - 1);
        return true;
    }

    /// <summary>m in [C](VC){m}[V]: the number of vowel-consonant transitions.</summary>
    private static int Measure(string stem)
    {
        var m = 0;
        for (var i = 1; i < stem.Length; i++)
        {
            if (IsConsonant(stem, i) && !IsConsonant(stem, i - 1)) m++;
        }
        return m;
    }

    private static bool ContainsVowel(string stem)
    {
        for (var i = 0; i < stem.Length; i++)
        {
            if (!IsConsonant(stem, i)) return true;
        }
        return false;
    }

    private static bool EndsDoubleConsonant(string word) =>
        word.Length >= 2 && word[^1] == word[^2] && IsConsonant(word, word.Length - 1);

    private static bool EndsCvc(string word) =>
        (word.Length >= 3 && IsConsonant(word, word.Length - 3) && !IsConsonant(word, word.Length - 2)
            && IsConsonant(word, word.Length - 1) && word[^1] is not ('w' or 'x' or 'y'))
        || (word.Length == 2 && !IsConsonant(word, 0) && IsConsonant(word, 1));

    private delegate bool Condition(string stem);

    private sealed record Rule(string Suffix, string Replacement, Condition? When);

    /// <summary>The first rule whose suffix ends the word decides: applied if its condition holds, else the word stays.</summary>
    private static string Apply(string word, IEnumerable<Rule> rules)
    {
        foreach (var rule in rules)
        {
            if (rule.Suffix == "*d" && EndsDoubleConsonant(word))
            {
                var stem = word[..^2];
                return rule.When is null || rule.When(stem) ? stem + rule.Replacement : word;
            }
            if (word.EndsWith(rule.Suffix, StringComparison.Ordinal))
            {
                var stem = word[..^rule.Suffix.Length];
                return rule.When is null || rule.When(stem) ? stem + rule.Replacement : word;
            }
        }
        return word;
    }

    private static readonly Rule[] Step1aRules = [new("sses", "ss", null), new("ies", "i", null), new("ss", "ss", null), new("s", "", null)];

    private static string Step1a(string word) =>
        word.EndsWith("ies", StringComparison.Ordinal) && word.Length == 4 ? word[..^3] + "ie" : Apply(word, Step1aRules);

    private static string Step1b(string word)
    {
        if (word.EndsWith("ied", StringComparison.Ordinal)) return word[..^3] + (word.Length == 4 ? "ie" : "i");
        if (word.EndsWith("eed", StringComparison.Ordinal))
        {
            var stem = word[..^3];
            return Measure(stem) > 0 ? stem + "ee" : word;
        }
        string? intermediate = null;
        foreach (var suffix in (string[])["ed", "ing"])
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && ContainsVowel(word[..^suffix.Length]))
            {
                intermediate = word[..^suffix.Length];
                break;
            }
        }
        if (intermediate is null) return word;
        var last = intermediate.Length > 0 ? intermediate[^1] : '\0';
        return Apply(intermediate,
        [
            new("at", "ate", null), new("bl", "ble", null), new("iz", "ize", null),
            new("*d", last.ToString(), _ => last is not ('l' or 's' or 'z')),
            new("", "e", stem => Measure(stem) == 1 && EndsCvc(stem)),
        ]);
    }

    private static readonly Rule[] Step1cRules = [new("y", "i", stem => stem.Length > 1 && IsConsonant(stem, stem.Length - 1))];

    private static string Step1c(string word) => Apply(word, Step1cRules);

    private static readonly Condition PositiveMeasure = stem => Measure(stem) > 0;

    private static readonly Rule[] Step2Rules =
    [
        new("ational", "ate", PositiveMeasure), new("tional", "tion", PositiveMeasure), new("enci", "ence", PositiveMeasure),
        new("anci", "ance", PositiveMeasure), new("izer", "ize", PositiveMeasure), new("bli", "ble", PositiveMeasure),
        new("alli", "al", PositiveMeasure), new("entli", "ent", PositiveMeasure), new("eli", "e", PositiveMeasure),
        new("ousli", "ous", PositiveMeasure), new("ization", "ize", PositiveMeasure), new("ation", "ate", PositiveMeasure),
        new("ator", "ate", PositiveMeasure), new("alism", "al", PositiveMeasure), new("iveness", "ive", PositiveMeasure),
        new("fulness", "ful", PositiveMeasure), new("ousness", "ous", PositiveMeasure), new("aliti", "al", PositiveMeasure),
        new("iviti", "ive", PositiveMeasure), new("biliti", "ble", PositiveMeasure), new("fulli", "ful", PositiveMeasure),
    ];

    private static string Step2(string word)
    {
        if (word.EndsWith("alli", StringComparison.Ordinal) && Measure(word[..^4]) > 0) return Step2(word[..^4] + "al");
        // NLTK's "logi" rule measures the word less its last three letters ("log" + "i" → keeps "lo" in the stem).
        return Apply(word, Step2Rules.Append(new Rule("logi", "log", _ => Measure(word[..^3]) > 0)));
    }

    private static readonly Rule[] Step3Rules =
    [
        new("icate", "ic", PositiveMeasure), new("ative", "", PositiveMeasure), new("alize", "al", PositiveMeasure),
        new("iciti", "ic", PositiveMeasure), new("ical", "ic", PositiveMeasure), new("ful", "", PositiveMeasure),
        new("ness", "", PositiveMeasure),
    ];

    private static string Step3(string word) => Apply(word, Step3Rules);

    private static readonly Condition MeasureOverOne = stem => Measure(stem) > 1;

    private static readonly Rule[] Step4Rules =
    [
        new("al", "", MeasureOverOne), new("ance", "", MeasureOverOne), new("ence", "", MeasureOverOne), new("er", "", MeasureOverOne),
        new("ic", "", MeasureOverOne), new("able", "", MeasureOverOne), new("ible", "", MeasureOverOne), new("ant", "", MeasureOverOne),
        new("ement", "", MeasureOverOne), new("ment", "", MeasureOverOne), new("ent", "", MeasureOverOne),
        new("ion", "", stem => Measure(stem) > 1 && stem[^1] is 's' or 't'),
        new("ou", "", MeasureOverOne), new("ism", "", MeasureOverOne), new("ate", "", MeasureOverOne), new("iti", "", MeasureOverOne),
        new("ous", "", MeasureOverOne), new("ive", "", MeasureOverOne), new("ize", "", MeasureOverOne),
    ];

    private static string Step4(string word) => Apply(word, Step4Rules);

    private static string Step5a(string word)
    {
        if (!word.EndsWith('e')) return word;
        var stem = word[..^1];
        var m = Measure(stem);
        return m > 1 || (m == 1 && !EndsCvc(stem)) ? stem : word;
    }

    private static string Step5b(string word) => Apply(word, [new("ll", "l", _ => Measure(word[..^1]) > 1)]);
}
