using LlmLab.Quality.Metrics;

namespace LlmLab.UnitTests.Quality;

public class SyllableCounterTests
{
    [Theory]
    [InlineData("cat", 1)]
    [InlineData("the", 1)]
    [InlineData("make", 1)]
    [InlineData("table", 2)]
    [InlineData("apple", 2)]
    [InlineData("water", 2)]
    [InlineData("happy", 2)]
    [InlineData("wanted", 2)]
    [InlineData("jumped", 1)]
    [InlineData("boxes", 2)]
    [InlineData("makes", 1)]
    [InlineData("banana", 3)]
    [InlineData("computer", 3)]
    [InlineData("syllable", 3)]
    [InlineData("beautiful", 3)]
    [InlineData("education", 4)]
    [InlineData("technology", 4)]
    [InlineData("readability", 5)]
    [InlineData("organizations", 5)]
    [InlineData("Queue", 1)]
    public void Counts_syllables_of_known_words(string word, int expected) => Assert.Equal(expected, SyllableCounter.Count(word));

    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("—")]
    public void A_token_without_letters_has_no_syllables(string token) => Assert.Equal(0, SyllableCounter.Count(token));
}
