namespace LlmLab.Quality.Text;

/// <summary>
/// A light English suffix stripper (plurals, -ing, -ed, -ly, -ness, -ment, -ation…), enough to match "forms",
/// "formed" and "forming" to "form". Not Porter: irregular forms ("ran"/"run") stay apart.
/// </summary>
public static class Stemmer
{
    private static readonly string[] Suffixes =
        ["ational", "ization", "fulness", "iveness", "ations", "ation", "ments", "ment", "ness", "ings", "ing", "edly", "ed", "ly", "ies", "es", "s"];

    public static string Stem(string word)
    {
        if (word.Length <= 3) return word;
        foreach (var suffix in Suffixes)
        {
            if (word.Length - suffix.Length >= 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                if (suffix == "ies") return stem + "y";
                if (suffix is "s" && (stem.EndsWith('s') || stem.EndsWith('u'))) return word;  // "class", "bus"
                if (suffix is "ing" or "ed" && stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z')) return stem[..^1]; // "running"
                return stem;
            }
        }
        return word;
    }
}
