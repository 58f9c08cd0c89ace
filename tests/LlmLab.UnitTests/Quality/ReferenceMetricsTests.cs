using LlmLab.Quality.Metrics;

namespace LlmLab.UnitTests.Quality;

public class ReferenceMetricsTests
{
    [Fact]
    public void Squad_normalisation_drops_case_punctuation_and_articles() =>
        Assert.Equal("cat sat on mat", ReferenceMetrics.Normalize("The Cat, sat on  a mat!"));

    [Fact]
    public void Exact_match_holds_after_normalisation()
    {
        var scores = ReferenceMetrics.Best("The cat sat on the mat.", ["a cat sat on a mat"]);
        Assert.Equal(100, scores.ExactMatch);
        Assert.Equal(100, scores.F1);
    }

    [Fact]
    public void Token_f1_of_a_longer_answer_matches_the_worked_example()
    {
        // candidate [barack obama was president], reference [obama]: P = 1/4, R = 1, F1 = 2·0.25·1/1.25 = 0.4
        var scores = ReferenceMetrics.Best("Barack Obama was president.", ["Obama"]);
        Assert.Equal(40, scores.F1);
        Assert.Equal(0, scores.ExactMatch);
        Assert.Equal(100, scores.SubstringMatch);
    }

    [Fact]
    public void Bleu_matches_the_worked_example_with_add_one_smoothing()
    {
        // p1 = 4/5, p2 = (3+1)/(4+1), p3 = (2+1)/(3+1), p4 = (1+1)/(2+1); BP = 1 → (0.32)^(1/4) = 0.752121
        Assert.Equal(0.752121, ReferenceMetrics.Bleu(["a", "b", "c", "d", "e"], ["a", "b", "c", "d", "f"]), 6);
    }

    [Fact]
    public void Bleu_applies_the_brevity_penalty() =>
        // every precision is 1; BP = exp(1 − 4/2) = e^−1
        Assert.Equal(Math.Exp(-1), ReferenceMetrics.Bleu(["a", "b"], ["a", "b", "c", "d"]), 6);

    [Fact]
    public void Rouge_l_is_the_f1_of_the_longest_common_subsequence() =>
        // LCS(a b c d e, a c e f) = a c e = 3; P = 3/5, R = 3/4, F = 2/3
        Assert.Equal(2.0 / 3, ReferenceMetrics.RougeL(["a", "b", "c", "d", "e"], ["a", "c", "e", "f"]), 6);

    [Fact]
    public void The_best_alias_counts()
    {
        var scores = ReferenceMetrics.Best("Paris", ["London", "paris", "the city of light"]);
        Assert.Equal(100, scores.ExactMatch);
        Assert.Equal(100, scores.RougeL);
    }

    [Fact]
    public void Nothing_in_common_scores_zero_everywhere() =>
        Assert.Equal(new ReferenceMetrics.Scores(0, 0, 0, 0, 0), ReferenceMetrics.Best("blue sky", ["green grass"]));
}
