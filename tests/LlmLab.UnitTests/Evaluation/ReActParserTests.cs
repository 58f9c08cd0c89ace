extern alias evaluation;
using evaluation::LlmLab.Evaluation.Agent;

namespace LlmLab.UnitTests.Evaluation;

public class ReActParserTests
{
    [Theory]
    [InlineData("Thought: add them\nAction: calculator[12 + 7]", "calculator", "12 + 7")]
    [InlineData("Thought: add\nAction: Calculator(12 + 7)\n", "calculator", "12 + 7")]
    [InlineData("Action: lookup: Iron", "lookup", "Iron")]
    [InlineData("Action: retrieve\nAction Input: \"atomic number of iron\"", "retrieve", "atomic number of iron")]
    public void Actions_are_read_in_the_usual_spellings(string output, string tool, string input)
    {
        var turn = ReActParser.Parse(output);
        Assert.Equal(tool, turn.Action);
        Assert.Equal(input, turn.ActionInput);
        Assert.Null(turn.FinalAnswer);
    }

    [Fact]
    public void A_final_answer_ends_the_loop_and_an_invented_observation_is_ignored()
    {
        Assert.Equal("19", ReActParser.Parse("Thought: I know it\nFinal Answer: 19").FinalAnswer);
        var turn = ReActParser.Parse("Action: calculator[2+2]\nObservation: 5\nFinal Answer: 5");
        Assert.Equal("calculator", turn.Action);
        Assert.Null(turn.FinalAnswer);
    }

    [Fact]
    public void Prose_is_neither_action_nor_answer()
    {
        var turn = ReActParser.Parse("The rain in Spain falls mainly on the plain.");
        Assert.Null(turn.Action);
        Assert.Null(turn.FinalAnswer);
    }
}
