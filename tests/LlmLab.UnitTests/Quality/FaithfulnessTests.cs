using LlmLab.Quality.Judging;
using LlmLab.Quality.Metrics;
using LlmLab.Quality.Metrics.Grounding;

namespace LlmLab.UnitTests.Quality;

/// <summary>Faithfulness: the share of an answer's claims whose content words the retrieved passages hold (docs/metrics.md).</summary>
public class FaithfulnessTests
{
    private static readonly string[] Passages =
    [
        "Iron is a chemical element. The chemical symbol of iron is Fe. The atomic number of iron is 26.",
        "Cobalt is a chemical element with the symbol Co; its atomic number is 27.",
    ];

    [Fact]
    public void An_answer_stated_in_the_passages_is_fully_supported()
    {
        var result = Faithfulness.Of("The chemical symbol of iron is Fe. Its atomic number is 26.", Passages);

        Assert.Equal(2, result.Claims);
        Assert.Equal(100, result.Score);
    }

    [Fact]
    public void An_invented_clause_lowers_the_share_to_the_supported_claims()
    {
        // Two of four claims are in the passages: cobalt's number; iron's symbol. The melting point and the discoverer are not.
        var result = Faithfulness.Of("Cobalt has atomic number 27; iron's symbol is Fe. Iron melts at 1538 degrees, which Georg Brandt measured in 1735.", Passages);

        Assert.Equal(4, result.Claims);
        Assert.Equal(2, result.Supported);
        Assert.Equal(50, result.Score);
    }

    [Theory]
    [InlineData("Fe", 1, 1)]
    [InlineData("Fe.", 1, 1)]
    [InlineData("Au", 1, 0)]
    [InlineData("Gold melts at 1,064 degrees.", 1, 0)]
    [InlineData("It is what it is.", 0, 0)]
    public void Claims_are_compared_after_squad_normalisation_and_without_stop_words(string answer, int claims, int supported)
    {
        var result = Faithfulness.Of(answer, Passages);

        Assert.Equal(claims, result.Claims);
        Assert.Equal(supported, result.Supported);
    }

    [Fact]
    public void Punctuation_is_deleted_as_squad_does_so_1000_and_1_000_are_the_same_word()
    {
        Assert.Equal(100, Faithfulness.Of("It weighs 1,000 tonnes.", ["The ship weighs 1000 tonnes."]).Score);
    }

    [Fact]
    public void A_claim_is_supported_from_the_threshold_of_its_content_words_on()
    {
        // Content words: cobalt, blue, pigment, glass, 1730s → 3 of 5 in the passage = 0.6, the threshold.
        Assert.Equal(100, Faithfulness.Of("Cobalt blue pigment glass 1730s", ["cobalt blue pigment in old windows"]).Score);
        Assert.Equal(0, Faithfulness.Of("Cobalt blue pigment glass 1730s", ["cobalt blue in old windows"]).Score);
    }

    [Fact]
    public void An_answer_without_content_words_has_no_score_and_says_why()
    {
        var errors = new Dictionary<string, string>();
        var metrics = QualityScorer.Score(new ScoreInput("It is what it is.", "q", [], 0, "", Contexts: Passages), errors);

        Assert.False(metrics.ContainsKey("faithfulness"));
        Assert.Contains("no claim", errors["faithfulness"]);
    }

    [Fact]
    public void The_scorer_adds_faithfulness_only_when_passages_are_given()
    {
        Assert.False(QualityScorer.Score(new ScoreInput("Fe", "q", ["Fe"], 0, "")).ContainsKey("faithfulness"));
        Assert.Equal(100, QualityScorer.Score(new ScoreInput("Fe", "q", ["Fe"], 0, "", Contexts: Passages))["faithfulness"]);
    }

    [Fact]
    public void A_judge_of_a_grounded_answer_sees_the_numbered_passages_before_the_question()
    {
        var prompt = JudgedScorer.JudgedPrompt(new ScoreInput("Fe", "What is iron's symbol?", [], 0, "", Contexts: Passages));

        Assert.StartsWith("[Passages]\n[1] Iron is a chemical element.", prompt);
        Assert.Contains("[2] Cobalt", prompt);
        Assert.EndsWith("[Question]\nWhat is iron's symbol?", prompt);
        Assert.Equal("q", JudgedScorer.JudgedPrompt(new ScoreInput("Fe", "q", [], 0, "")));
    }
}
