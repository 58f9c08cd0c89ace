using LlmLab.Analytics.Feedback;

namespace LlmLab.UnitTests.Analytics;

public class FeedbackTests
{
    [Fact]
    public void Agreement_is_spearman_with_a_fisher_interval_and_its_n()
    {
        double[] metric = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
        double[] people = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5];
        var agreement = MetricAgreement.Of("overall_score", metric, people);
        Assert.Equal(10, agreement.N);
        Assert.Equal(0.984732, agreement.Spearman!.Value, 5);
        // z = atanh(ρ) = 2.4337, half-width 1.96·√(1.06/7) = 0.7627: tanh(z ± 0.7627).
        Assert.Equal(0.931689, agreement.Ci95![0], 5);
        Assert.Equal(0.996659, agreement.Ci95[1], 5);
        Assert.True(agreement.PValue < 0.001);
    }

    [Fact]
    public void Without_variation_or_with_too_few_responses_there_is_no_coefficient_or_interval()
    {
        var flat = MetricAgreement.Of("f1", [0.5, 0.6, 0.7, 0.8], [3, 3, 3, 3]);
        Assert.Null(flat.Spearman);
        Assert.Equal(4, flat.N);
        var three = MetricAgreement.Of("f1", [0.5, 0.6, 0.7], [1, 2, 3]);
        Assert.Equal(1.0, three.Spearman!.Value);
        Assert.Null(three.Ci95);
    }

    [Theory]
    [InlineData(null, null, "score")]
    [InlineData(0, null, "score")]
    [InlineData(6, null, "score")]
    [InlineData(3, "up", "thumbs")]
    [InlineData(null, "sideways", "thumbs")]
    public void A_score_from_1_to_5_or_thumbs_is_required(int? score, string? thumbs, string field) =>
        Assert.Contains(field, new FeedbackRequest(score, thumbs, null, null, null).Validate().Keys);

    [Fact]
    public void Thumbs_count_as_the_ends_of_the_scale()
    {
        Assert.Equal(5, new FeedbackRequest(null, "up", null, null, null).EffectiveScore);
        Assert.Equal(1, new FeedbackRequest(null, "down", null, null, null).EffectiveScore);
        Assert.Equal(4, new FeedbackRequest(4, null, null, null, null).EffectiveScore);
    }
}
