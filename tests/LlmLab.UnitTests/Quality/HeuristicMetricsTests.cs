using LlmLab.Quality.Metrics;
using LlmLab.Quality.Text;

namespace LlmLab.UnitTests.Quality;

public class HeuristicMetricsTests
{
    private static AnalyzedText T(string text) => new(text);

    [Fact]
    public void Distinct_n_counts_unique_grams_over_all_grams()
    {
        string[] words = ["a", "b", "a", "b"];
        Assert.Equal(0.5, LexicalDiversity.Distinct(words, 1));
        Assert.Equal(2.0 / 3, LexicalDiversity.Distinct(words, 2), 6);
    }

    [Fact]
    public void Mtld_is_higher_for_varied_text_than_for_repetitive_text()
    {
        var varied = T("Clouds form when warm moist air rises, cools and condenses into droplets that grow heavy and fall as rain over hills and valleys.").Words;
        var repetitive = T("rain rain rain is rain and rain is rain and rain is rain and rain is rain and rain is rain").Words;
        Assert.True(LexicalDiversity.Mtld(varied) > 2 * LexicalDiversity.Mtld(repetitive));
    }

    [Fact]
    public void Connected_sentences_are_more_coherent_than_unrelated_ones()
    {
        var connected = T("Warm air rises over the land. As the air rises, it cools. The cooling air cannot hold its water, so clouds form.");
        var unrelated = T("Warm air rises over the land. Bread needs flour and yeast. Jupiter has a great red storm.");
        Assert.True(Coherence.Score(connected) > Coherence.Score(unrelated) + 20, $"{Coherence.Score(connected)} vs {Coherence.Score(unrelated)}");
    }

    [Fact]
    public void Repeated_sentences_lower_coherence_and_are_flagged_as_a_loop()
    {
        var looping = T("The rain falls. The rain falls. The rain falls. The rain falls.");
        Assert.True(Coherence.Score(looping) < 40);
        var repetition = Repetition.Score(looping);
        Assert.Equal(4, repetition.LongestLoop);
        Assert.True(repetition.Score < 30, repetition.ToString());
        Assert.Equal(100, Repetition.Score(T("Warm air rises and cools into clouds.")).Score);
    }

    [Fact]
    public void Completeness_checks_the_requested_count_the_ending_and_truncation()
    {
        var requested = RequestedParts.Of("List 3 benefits of regular exercise.");
        Assert.Equal(3, requested.ItemCount);
        var full = T("1. Exercise strengthens the heart.\n2. Regular exercise improves mood.\n3. It helps the body control blood sugar.");
        var partial = T("1. Exercise strengthens the heart.");
        Assert.Equal(100, Completeness.Score(full, requested, "stop"));
        Assert.True(Completeness.Score(partial, requested, "stop") < 85);
        Assert.Equal(70, Completeness.Score(full, requested, "length"));
    }

    [Fact]
    public void Completeness_counts_the_questions_a_response_answers()
    {
        var requested = RequestedParts.Of("Why does rain fall? And what makes snow instead of rain?");
        Assert.Equal(2, requested.Parts.Count);
        var both = T("Rain falls because droplets grow heavy. Snow forms instead when the air is cold enough to freeze the water.");
        var one = T("Rain falls because droplets grow heavy.");
        Assert.True(Completeness.Score(both, requested, "stop") > Completeness.Score(one, requested, "stop"));
    }

    [Fact]
    public void Numbers_names_and_examples_are_specific_hedges_are_not()
    {
        var concrete = Specificity.Score(T("In 1969, Neil Armstrong walked on the Moon; Apollo 11 landed at 20:17 UTC."));
        var vague = Specificity.Score(T("Things might generally be somewhat different, and maybe various stuff happens."));
        Assert.True(concrete > 90, concrete.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(vague < 10, vague.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_response_on_the_prompt_s_terms_is_more_relevant_than_one_off_topic()
    {
        var prompt = PromptAnalysis.Of("How does rain form in clouds?");
        var onTopic = Relevance.Score(T("Rain forms when droplets in clouds join and grow heavy enough to fall."), prompt);
        var offTopic = Relevance.Score(T("Bread needs flour, water, salt and yeast."), prompt);
        Assert.Equal(100, onTopic);
        Assert.Equal(0, offTopic);
    }

    [Theory]
    [InlineData("The table is made of wood.", 0, 0)]
    [InlineData("This answer is good.", 0.1, 1)]
    [InlineData("This answer is not good.", -1, -0.1)]
    [InlineData("It was good but the ending was terrible.", -1, -0.1)]
    public void Sentiment_handles_negation_and_but(string text, double low, double high) =>
        Assert.InRange(Sentiment.Compound(T(text)), low, high);

    [Fact]
    public void Intensifiers_and_exclamations_strengthen_sentiment()
    {
        var plain = Sentiment.Compound(T("This is good."));
        Assert.True(Sentiment.Compound(T("This is very good.")) > plain);
        Assert.True(Sentiment.Compound(T("This is good!!")) > plain);
    }

    [Fact]
    public void Overall_is_the_weighted_mean_of_the_present_metrics()
    {
        var metrics = new Dictionary<string, double> { ["coherence_score"] = 80, ["relevance_score"] = 40 };
        var weights = new Dictionary<string, double> { ["coherence_score"] = 3, ["relevance_score"] = 1, ["creativity_score"] = 5 };
        Assert.Equal(70, OverallScore.Weighted(metrics, weights));
    }

    [Fact]
    public void Confidence_falls_for_short_texts_and_for_disagreeing_metrics()
    {
        Assert.Equal(100, OverallScore.Confidence(100, [70, 70, 70]));
        Assert.Equal(50, OverallScore.Confidence(25, [70, 70, 70]));
        Assert.True(OverallScore.Confidence(100, [0, 100, 0, 100]) < 60);
    }

    [Fact]
    public void Unknown_weights_are_named()
    {
        Assert.Equal(["wit_score"], QualityScorer.UnknownWeights(new Dictionary<string, double> { ["coherence_score"] = 1, ["wit_score"] = 1 }));
        Assert.Empty(QualityScorer.UnknownWeights(null));
    }

    [Fact]
    public void Self_bleu_is_high_for_identical_siblings_and_low_for_different_ones()
    {
        var same = QualityScorer.SelfBleu(["warm air rises and cools into clouds", "warm air rises and cools into clouds"]);
        var different = QualityScorer.SelfBleu(["warm air rises and cools into clouds", "bread needs flour water salt and yeast"]);
        Assert.All(same, v => Assert.Equal(100, v));
        Assert.All(different, v => Assert.True(v < 20));
    }

    [Fact]
    public void The_full_metric_set_is_computed_with_reference_metrics_when_references_are_given()
    {
        var metrics = QualityScorer.Score(new ScoreInput("Paris is the capital of France.", "What is the capital of France?", ["Paris"], 100, "stop"));
        foreach (var name in new[] { "coherence_score", "completeness_score", "readability_score", "length_appropriateness_score", "creativity_score",
                     "specificity_score", "relevance_score", "overall_score", "confidence_score", "sentiment", "repetition_score", "exact_match", "f1", "bleu", "rouge_l" })
        {
            Assert.True(metrics.ContainsKey(name), name);
        }
        Assert.Equal(100, metrics["substring_match"]);
        Assert.False(QualityScorer.Score(new ScoreInput("x", "y", [], 0, "")).ContainsKey("f1"));
    }
}
