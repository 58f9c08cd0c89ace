extern alias evaluation;
using evaluation::LlmLab.Evaluation.Extraction;

namespace LlmLab.UnitTests.Evaluation;

/// <summary>Answer extraction on outputs models really produce: chatter before the answer, several candidates, markup, numbers spelt many ways.</summary>
public class AnswerExtractorTests
{
    [Theory]
    [InlineData("Let me think. 3 + 4 = 7, but wait, 7 * 2 = 14.\nAnswer: 14", "14")]
    [InlineData("Answer: 5\nOn reflection that is wrong.\nFinal Answer: 6", "6")]
    [InlineData("She has 12 apples and buys 7. Therefore, the answer is 19.", "19")]
    [InlineData("The answer is 1,000 apples.", "1000")]
    [InlineData("Answer: $19.00", "19")]
    [InlineData("Answer: −3", "-3")]
    [InlineData("12 + 7 = 19\n19", "19")]
    [InlineData("Answer: 2.50", "2.5")]
    [InlineData("I counted 4 boxes of 6 = 24 stickers in all", "24")]
    public void Numeric_answers_are_the_last_number_of_the_answer_span_normalised(string output, string expected) =>
        Assert.Equal(expected, AnswerExtractor.Extract(output, numeric: true));

    [Theory]
    [InlineData("Question: What is the symbol of iron?\nAnswer: **Fe**.", "Fe")]
    [InlineData("Iron is a metal.\nIts symbol comes from Latin.\nThus, the answer is \"Fe\"", "Fe")]
    [InlineData("The symbol of iron is Fe", "The symbol of iron is Fe")]
    [InlineData("Answer:\nAnswer: helium!", "helium")]
    [InlineData("\n\n  Fe  \n\n", "Fe")]
    [InlineData("", "")]
    public void Text_answers_come_from_the_answer_line_or_the_last_line_without_markup(string output, string expected) =>
        Assert.Equal(expected, AnswerExtractor.Extract(output, numeric: false));

    [Fact]
    public void A_numeric_question_with_no_number_in_the_output_keeps_the_text()
    {
        Assert.Equal("I do not know", AnswerExtractor.Extract("Answer: I do not know.", numeric: true));
    }

    [Theory]
    [InlineData("19", true)]
    [InlineData("1,000", true)]
    [InlineData("-2.5", true)]
    [InlineData("19 apples", false)]
    [InlineData("Fe", false)]
    public void Numeric_references_are_whole_numbers_only(string text, bool numeric) =>
        Assert.Equal(numeric, NumericAnswer.IsNumeric(text));
}
