using LlmLab.Quality.Metrics;

namespace LlmLab.UnitTests.Quality;

public class LengthAppropriatenessTests
{
    private const string Prompt = "Describe the water cycle in 50 words.";

    [Fact]
    public void The_length_the_prompt_asks_for_sets_a_20_percent_band() =>
        Assert.Equal((40, 60), LengthAppropriateness.TargetRange(Prompt, 256));

    [Theory]
    [InlineData(50, "stop", 100)]
    [InlineData(20, "stop", 50)]
    [InlineData(120, "stop", 50)]
    [InlineData(50, "length", 80)]
    [InlineData(0, "stop", 0)]
    public void Scores_distance_from_the_band_and_truncation(int words, string finish, double expected) =>
        Assert.Equal(expected, LengthAppropriateness.Score(words, Prompt, 256, finish), 6);

    [Fact]
    public void Without_a_requested_length_the_band_follows_max_tokens() =>
        Assert.Equal((40, 150), LengthAppropriateness.TargetRange("Explain rain.", 200));
}
