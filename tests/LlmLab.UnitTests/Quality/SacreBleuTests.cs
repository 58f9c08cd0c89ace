using LlmLab.Quality.Metrics.Reference;

namespace LlmLab.UnitTests.Quality;

/// <summary>Worked examples of sacreBLEU's own tests (test_bleu.py, test_sentence_bleu.py) and README.</summary>
public class SacreBleuTests
{
    private static readonly string[] Hypotheses = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."];

    // The README's example: two reference streams, one segment each row here.
    private static readonly IReadOnlyList<string>[] References =
    [
        ["The dog bit the man.", "The dog had bit the man."],
        ["It was not unexpected.", "No one was surprised."],
        ["The man bit him first.", "The man had bitten the dog."],
    ];

    [Fact]
    public void Corpus_bleu_of_the_readme_example_is_48_530827() =>
        Assert.Equal(48.530827, SacreBleu.Corpus(Hypotheses, References), 6);

    [Fact]
    public void Empty_hypotheses_are_kept_and_score_zero() =>
        Assert.Equal(0.0, SacreBleu.Corpus(["", "", ""], References));

    [Fact]
    public void Sentence_bleu_of_issue_98_is_8_493()
    {
        const string reference = "producţia de zahăr brut se exprimă în zahăr alb;";
        const string system = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";
        Assert.Equal(8.493, SacreBleu.Sentence(system, [reference]), 3);
    }

    [Fact]
    public void No_matching_ngram_at_all_is_zero() => Assert.Equal(0.0, SacreBleu.Sentence("this is a cat", ["okay thanks"]));

    [Fact]
    public void Segment_statistics_match_sacrebleu()
    {
        var stats = SacreBleu.SegmentStatistics(Tokenizer13a.Tokenize("am I am a character sequence"),
            SacreBleu.TokenizeReferences(["I am a symbol string sequence a a"]));
        Assert.Equal([4L, 2, 1, 0], stats.Correct);
        Assert.Equal([6L, 5, 4, 3], stats.Total);
    }

    [Fact]
    public void Score_from_statistics_matches_compute_bleu()
    {
        var stats = new SacreBleu.Statistics { HypothesisLength = 11, ReferenceLength = 11 };
        long[] correct = [9, 7, 5, 3], total = [10, 8, 6, 4];
        correct.CopyTo(stats.Correct, 0);
        total.CopyTo(stats.Total, 0);
        Assert.Equal(0.8375922397, SacreBleu.Score(stats, effectiveOrder: false) / 100, 9);
    }

    [Fact]
    public void Exp_smoothing_halves_each_further_order_without_a_match()
    {
        // "a b c d" vs "a b x d": unigrams 3/4, bigrams 1/3, trigrams 0/2 → 100/(2·2), 4-grams 0/1 → 100/(4·1).
        var expected = Math.Exp((Math.Log(75.0) + Math.Log(100.0 / 3) + Math.Log(25.0) + Math.Log(25.0)) / 4);
        Assert.Equal(expected, SacreBleu.Sentence("a b c d", ["a b x d"]), 9);
    }

    [Fact]
    public void Multiple_references_clip_jointly_and_use_the_closest_length()
    {
        // "the the the": clipped by the most "the" in any one reference (2), not the sum; closest length 3 → no penalty.
        var joint = SacreBleu.SegmentStatistics(["the", "the", "the"], SacreBleu.TokenizeReferences(["the the cat", "the x y z w"]));
        Assert.Equal(2, joint.Correct[0]);
        Assert.Equal(3, joint.ReferenceLength);
        // A tie in distance takes the shorter reference.
        var tie = SacreBleu.SegmentStatistics(["a", "b", "c"], SacreBleu.TokenizeReferences(["a b", "a b c d"]));
        Assert.Equal(2, tie.ReferenceLength);
    }

    [Fact]
    public void Bleu_is_case_sensitive_unlike_the_squad_metrics()
    {
        var scores = ReferenceMetrics.Best("PARIS is nice", ["Paris is nice"])!;
        Assert.Equal(100, scores.ExactMatch);
        Assert.True(scores.Bleu < 100);
    }

    [Theory]
    [InlineData("Hello, world!", "Hello , world !")]
    [InlineData("It costs $3.50, or 1,000 yen.", "It costs $ 3.50 , or 1,000 yen .")]
    [InlineData("well-known 1990-2000 co-op", "well-known 1990 - 2000 co-op")]
    [InlineData("He said &quot;no&quot; &amp; left.", "He said \" no \" & left .")]
    [InlineData("U.S.A. isn't (really) \"big\"", "U . S . A . isn't ( really ) \" big \"")]
    [InlineData("line one-\nline two\n", "line oneline two")]
    public void Tokenizer_13a_splits_as_mteval_v13a(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Tokenizer13a.Tokenize(text)));
}
