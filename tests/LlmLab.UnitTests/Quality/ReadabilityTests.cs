using LlmLab.Quality.Metrics;

namespace LlmLab.UnitTests.Quality;

public class ReadabilityTests
{
    [Fact]
    public void Counts_words_sentences_paragraphs_and_syllables()
    {
        var stats = TextStatistics.Of("Hello world. How are you? Fine!\n\nNew paragraph here.");
        Assert.Equal(new TextStatistics(Words: 9, Sentences: 4, Paragraphs: 2, Syllables: 12), stats);
    }

    [Fact]
    public void Flesch_scores_of_a_simple_sentence_match_the_hand_computation()
    {
        // 6 words, 1 sentence, 6 syllables: 206.835 − 1.015·6 − 84.6·1 = 116.145; 0.39·6 + 11.8·1 − 15.59 = −1.45
        var stats = TextStatistics.Of("The cat sat on the mat.");
        Assert.Equal(116.145, Readability.FleschReadingEase(stats), 3);
        Assert.Equal(-1.45, Readability.FleschKincaidGrade(stats), 3);
        Assert.Equal(100, Readability.Score(stats));
    }

    [Fact]
    public void Flesch_scores_of_dense_prose_match_the_hand_computation()
    {
        // 4 words, 1 sentence, 15 syllables (in·for·ma·tion tech·nol·o·gy trans·forms or·gan·i·za·tions)
        // 206.835 − 1.015·4 − 84.6·3.75 = −114.475; 0.39·4 + 11.8·3.75 − 15.59 = 30.22
        var stats = TextStatistics.Of("Information technology transforms organizations.");
        Assert.Equal(15, stats.Syllables);
        Assert.Equal(-114.475, Readability.FleschReadingEase(stats), 3);
        Assert.Equal(30.22, Readability.FleschKincaidGrade(stats), 3);
        Assert.Equal(0, Readability.Score(stats));
    }

    [Fact]
    public void Empty_text_scores_zero_without_dividing_by_zero()
    {
        var stats = TextStatistics.Of("   ");
        Assert.Equal(0, Readability.FleschReadingEase(stats));
        Assert.Equal(0, Readability.Score(stats));
    }
}
