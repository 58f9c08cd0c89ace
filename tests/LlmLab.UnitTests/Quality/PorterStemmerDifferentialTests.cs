using System.Diagnostics;
using LlmLab.Quality.Metrics.Reference;

namespace LlmLab.UnitTests.Quality;

/// <summary>
/// Our Porter stemmer against NLTK's own (Debian's python3-nltk, which scripts/setup.sh installs), word for word on
/// generated words built to reach every rule. Without Python's nltk the comparison cannot run and says so.
/// </summary>
public class PorterStemmerDifferentialTests
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public void Agrees_with_nltk_on_every_generated_word()
    {
        var words = GeneratedWords(20_000);
        var expected = NltkStems(words);
        Assert.True(expected is not null, $"NLTK is not importable by {Python}: install Debian's python3-nltk (scripts/setup.sh does).");
        Assert.Equal(words.Count, expected!.Count);
        var disagreements = words.Select((w, i) => (Word: w, Ours: PorterStemmer.Stem(w), Nltk: expected[i]))
            .Where(x => x.Ours != x.Nltk).Take(20).ToList();
        Assert.True(disagreements.Count == 0, "disagreements: " + string.Join(", ", disagreements.Select(d => $"{d.Word}: {d.Ours} ≠ {d.Nltk}")));
    }

    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "tie")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("hopping", "hop")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("generalization", "gener")]
    [InlineData("dying", "die")]
    [InlineData("skies", "sky")]
    [InlineData("analogies", "analog")]
    public void Stems_the_examples_of_the_porter_paper_and_nltk(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    /// <summary>Stems (and, around them, prefixes and suffixes) chosen so that every step's rules and conditions fire.</summary>
    private static List<string> GeneratedWords(int count)
    {
        string[] stems = ["relat", "condit", "valen", "hesit", "digit", "conform", "radic", "differ", "vietnam", "predic", "formal",
            "sensit", "sensib", "hope", "goodn", "electr", "allow", "gener", "adopt", "depend", "commun", "activ", "bowdler", "effect",
            "homolog", "angul", "adjust", "irrit", "infer", "revi", "replac", "cease", "sky", "die", "tie", "lie", "analog", "rate",
            "contr", "feed", "agr", "bled", "sing", "conflat", "troubl", "siz", "hop", "tann", "fall", "hiss", "fizz", "fail", "fil",
            "cri", "happ", "sk", "news", "inn", "out", "cann", "proc", "exc", "succ", "how", "control", "roll", "a", "y", "ye", "oy",
            "syzyg", "tr", "ee", "oat", "ivy", "orrer", "privat", "oaten", "trouble", "x", "w", "ab", "zz", "2020", "ecology"];
        string[] suffixes = ["", "s", "es", "ies", "sses", "ss", "ed", "eed", "ied", "ing", "y", "ational", "tional", "enci", "anci",
            "izer", "bli", "abli", "alli", "entli", "eli", "ousli", "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness",
            "aliti", "iviti", "biliti", "fulli", "logi", "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance", "ence",
            "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "sion", "tion", "ion", "ou", "ism", "ate", "iti", "ous", "ive",
            "ize", "e", "ll", "at", "bl", "iz", "ings", "ers", "ally", "ities", "ations", "lessly", "ously"];
        var random = new Random(20261128);
        var words = new List<string>(count);
        foreach (var stem in stems)
        foreach (var suffix in suffixes)
            words.Add(stem + suffix);
        const string letters = "abcdefghijklmnopqrstuvwxyzaeiouyy";
        while (words.Count < count)
        {
            var length = random.Next(1, 9);
            var word = new string(Enumerable.Range(0, length).Select(_ => letters[random.Next(letters.Length)]).ToArray());
            words.Add(word + suffixes[random.Next(suffixes.Length)] + (random.Next(4) == 0 ? suffixes[random.Next(suffixes.Length)] : ""));
        }
        return words.Take(count).ToList();
    }

    private static List<string>? NltkStems(List<string> words)
    {
        if (!File.Exists(Python)) return null;
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-c", "import sys\nfrom nltk.stem.porter import PorterStemmer\np = PorterStemmer()\nfor w in sys.stdin.read().split('\\n'):\n    print(p.stem(w) if w else '')" },
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(string.Join('\n', words));
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0) return error.Result.Contains("No module named", StringComparison.Ordinal) ? null : throw new InvalidOperationException(error.Result);
        return output.Result.Split('\n')[..words.Count].ToList();
    }
}
