using System.Text;
using LlmLab.Quality.Metrics;

namespace LlmLab.UnitTests.Quality;

/// <summary>Random and adversarial strings through every metric: no exception, every value finite and in its range.</summary>
public class MetricFuzzTests
{
    private static readonly HashSet<string> Counts = ["word_count", "sentence_count", "paragraph_count", "syllable_count", "longest_loop", "mtld"];
    private static readonly HashSet<string> Unbounded = ["flesch_reading_ease", "flesch_kincaid_grade"];

    public static TheoryData<string> Adversarial() =>
    [
        "", " ", "\n\n\n", ".", "?!?!", "...", "a", "I", "123", "—", "\u0000\u0001\u0002", "\uD800", "\uDC00abc", "🙂🙂🙂 emoji only 🙂",
        new string('a', 10_000), string.Join(' ', Enumerable.Repeat("the", 5_000)), string.Concat(Enumerable.Repeat("Rain. ", 2_000)),
        "ÅÄÖ ÉÈ ß ǅ Ǆ ǈ", "日本語のテキスト。これはテストです。", "مرحبا بالعالم", "1. 2. 3.\n- \n* ", "'''''''", "n't n't not not never",
        "List 99 reasons? Why? How? What?", "\t\r\n\v\f", "A.B.C.D.E.F.", "e.g. i.e. etc. U.S.A.",
    ];

    [Theory]
    [MemberData(nameof(Adversarial))]
    public void Adversarial_texts_score_within_range(string text)
    {
        AssertInRange(QualityScorer.Score(new ScoreInput(text, text, [text, ""], 256, "length")));
        AssertInRange(QualityScorer.Score(new ScoreInput(text, "", [], 0, "")));
    }

    [Fact]
    public void Random_strings_score_within_range()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 400; i++)
        {
            var text = RandomText(random, random.Next(0, 400));
            var prompt = RandomText(random, random.Next(0, 80));
            AssertInRange(QualityScorer.Score(new ScoreInput(text, prompt, [RandomText(random, 20)], random.Next(0, 500), random.Next(2) == 0 ? "stop" : "length")));
        }
    }

    private static string RandomText(Random random, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ .,;:!?'\"-\n0123456789()[]éüß日本🙂\t";
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(20) == 0 ? (char)random.Next(0, 0xFFFF) : alphabet[random.Next(alphabet.Length)]);
        }
        return builder.ToString();
    }

    private static void AssertInRange(Dictionary<string, double> metrics)
    {
        foreach (var (name, value) in metrics)
        {
            Assert.True(double.IsFinite(value), $"{name} = {value}");
            if (name == "sentiment") Assert.InRange(value, -1, 1);
            // sacreBLEU's own score of a perfect match is exp(log 100) = 100.00000000000004; bleu equals it, bits included.
            else if (name is "bleu" or "self_bleu") Assert.InRange(value, 0, 100 + 1e-9);
            else if (Counts.Contains(name)) Assert.True(value >= 0, $"{name} = {value}");
            else if (!Unbounded.Contains(name) && name is not ("type_token_ratio" or "distinct_1" or "distinct_2" or "novelty" or "repeated_ngram_share")) Assert.InRange(value, 0, 100);
            else if (!Unbounded.Contains(name)) Assert.InRange(value, 0, 1);
        }
    }
}
