using LlmLab.Quality.Metrics.Reference;

namespace LlmLab.UnitTests.Quality;

/// <summary>SQuAD v1.1 evaluate-v1.1.py: normalize_answer, exact_match_score, f1_score, max over ground truths.</summary>
public class SquadMetricsTests
{
    [Theory]
    [InlineData("The Cat, sat on  a mat!", "cat sat on mat")]
    [InlineData("1,000", "1000")]
    [InlineData("U.S.A.", "usa")]
    [InlineData("well-known", "wellknown")]
    [InlineData("  Theory of the   Atom ", "theory of atom")]
    [InlineData("an apple and a pear", "apple and pear")]
    [InlineData("the—end", "—end")]
    [InlineData("Café «crème»", "café «crème»")]
    [InlineData("a", "")]
    [InlineData("(the)", "")]
    [InlineData("thereafter", "thereafter")]
    [InlineData("the_cat", "thecat")]
    [InlineData("the2nd a·b", "the2nd ·b")]
    public void Normalisation_deletes_ascii_punctuation_and_articles_only(string text, string expected) =>
        Assert.Equal(expected, Squad.Normalize(text));

    [Theory]
    [InlineData("1,000", "1000")]
    [InlineData("U.S.A.", "USA")]
    [InlineData("well-known", "wellknown")]
    [InlineData("The Eiffel Tower.", "eiffel tower")]
    public void Punctuation_variants_are_exact_matches_and_full_f1(string prediction, string truth)
    {
        var scores = ReferenceMetrics.Best(prediction, [truth])!;
        Assert.Equal(100, scores.ExactMatch);
        Assert.Equal(100, scores.F1);
    }

    [Fact]
    public void F1_is_the_harmonic_mean_of_token_precision_and_recall()
    {
        // prediction tokens {barack, obama, was, president} vs {obama}: P = 1/4, R = 1 → F1 = 0.4.
        Assert.Equal(0.4, Squad.F1(Squad.Tokens("Barack Obama was president."), Squad.Tokens("Obama")), 12);
        // Multiset overlap: "the the cat" ~ "cat cat" share one "cat".
        Assert.Equal(2 * 0.5 * 1 / 1.5, Squad.F1(Squad.Tokens("cat dog"), Squad.Tokens("cat")), 12);
    }

    [Fact]
    public void Text_that_normalises_to_nothing_has_f1_zero_but_matches_exactly()
    {
        // evaluate-v1.1.py: num_same == 0 → 0, even for two empty answers; exact match compares the strings.
        var scores = ReferenceMetrics.Best("The.", ["a"])!;
        Assert.Equal(0, scores.F1);
        Assert.Equal(100, scores.ExactMatch);
    }

    [Fact]
    public void The_best_ground_truth_counts()
    {
        var scores = ReferenceMetrics.Best("Paris", ["London", "paris", "the city of light"])!;
        Assert.Equal(100, scores.ExactMatch);
        Assert.Equal(100, scores.F1);
    }

    [Fact]
    public void An_empty_prediction_scores_zero_on_every_metric()
    {
        var scores = ReferenceMetrics.Best("", ["Paris", "1,000"])!;
        Assert.Equal(new ReferenceMetrics.Scores(0, 0, 0, 0, 0, 0, 0), scores);
    }

    [Theory]
    [InlineData("the party was fun", "art", 0)]
    [InlineData("It was Barack Obama, clearly.", "Barack Obama", 100)]
    [InlineData("obama barack", "Barack Obama", 0)]
    [InlineData("The U.S.A. won.", "USA", 100)]
    [InlineData("anything", "the", 0)]
    public void Substring_match_is_on_word_boundaries(string prediction, string reference, double expected) =>
        Assert.Equal(expected, ReferenceMetrics.Best(prediction, [reference])!.SubstringMatch);

    [Theory]
    [InlineData("The answer is 1,000.", "1000", 100)]
    [InlineData("We get 3 apples, then 12.", "12", 100)]
    [InlineData("12 apples, then 3.", "12", 0)]
    [InlineData("It costs $12.50 in total", "12.5", 100)]
    [InlineData("about 0.3333333", "0.3333333", 100)]
    [InlineData("-4", "−4", 100)]
    [InlineData("no number here", "7", 0)]
    public void Numeric_match_compares_the_last_number_within_the_tolerance(string prediction, string reference, double expected) =>
        Assert.Equal(expected, ReferenceMetrics.Best(prediction, [reference])!.NumericMatch);

    [Fact]
    public void Numeric_match_is_absent_when_no_reference_is_a_number() =>
        Assert.Null(ReferenceMetrics.Best("Paris", ["Paris"])!.NumericMatch);

    [Fact]
    public void A_looser_tolerance_accepts_a_rounded_answer()
    {
        Assert.Equal(0, ReferenceMetrics.Best("3.33", ["3.3333"])!.NumericMatch);
        Assert.Equal(100, ReferenceMetrics.Best("3.33", ["3.3333"], numericTolerance: 0.01)!.NumericMatch);
    }

    [Fact]
    public void Empty_references_are_ignored_and_none_left_means_no_reference_metrics() =>
        Assert.Null(ReferenceMetrics.Best("Paris", ["", ""]));
}
