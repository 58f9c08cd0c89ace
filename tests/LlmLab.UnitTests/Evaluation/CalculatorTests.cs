extern alias evaluation;
using evaluation::LlmLab.Evaluation.Agent;

namespace LlmLab.UnitTests.Evaluation;

/// <summary>The agent's calculator: arithmetic with the usual precedence, and a named error (never an exception) for anything else.</summary>
public class CalculatorTests
{
    [Theory]
    [InlineData("12 + 7", "19")]
    [InlineData("2 + 3 * 4", "14")]
    [InlineData("(2 + 3) * 4", "20")]
    [InlineData("-3 - -4", "1")]
    [InlineData("2 ^ 3 ^ 2", "512")]
    [InlineData("84 / 7", "12")]
    [InlineData("1,000 + 1", "1001")]
    [InlineData("17 % 5", "2")]
    [InlineData("6 × 7 ÷ 2", "21")]
    [InlineData("10 / 4", "2.5")]
    public void Arithmetic_follows_precedence_and_associativity(string expression, string expected)
    {
        var (value, error) = Calculator.Evaluate(expression);
        Assert.Null(error);
        Assert.Equal(expected, evaluation::LlmLab.Evaluation.Extraction.NumericAnswer.Canonical(value!.Value));
    }

    [Theory]
    [InlineData("System.IO.File.Delete(\"x\")", "unexpected 'S'")]
    [InlineData("1 / 0", "division by zero")]
    [InlineData("2 ^ 100", "exponents must be whole numbers within ±64")]
    [InlineData("2 ^ 0.5", "exponents must be whole numbers within ±64")]
    [InlineData("(1 + 2", "missing ')'")]
    [InlineData("", "unexpected end of expression")]
    [InlineData("1 2", "unexpected '2'")]
    [InlineData("99999999999999999999 * 99999999999999999999", "the result is too large")]
    public void Anything_but_arithmetic_is_an_error_naming_the_problem(string expression, string expected)
    {
        var (value, error) = Calculator.Evaluate(expression);
        Assert.Null(value);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Input_is_bounded_in_length_and_nesting()
    {
        Assert.Contains("longer than", Calculator.Evaluate(new string('1', Calculator.MaxLength + 1)).Error);
        Assert.Contains("nesting deeper", Calculator.Evaluate(new string('(', 40) + "1" + new string(')', 40)).Error);
    }
}
