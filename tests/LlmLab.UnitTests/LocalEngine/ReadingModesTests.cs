using System.Data;
using System.Globalization;
using LlmLab.LlmIntegration.Providers.Local;
using LlmLab.LlmIntegration.Providers.Local.Reading;

namespace LlmLab.UnitTests.LocalEngine;

public class ReadingModesTests
{
    private const string IronArticle =
        "Iron is a chemical element with the symbol Fe and atomic number 26. It is the fourth most abundant element in the earth's crust. " +
        "Helium is a chemical element with the symbol He and atomic number 2. Henry Cavendish discovered hydrogen in 1766.";

    [Theory]
    [InlineData("What is the chemical symbol of iron?", "Fe")]
    [InlineData("What is the atomic number of iron?", "26")]
    [InlineData("What is the atomic number of helium?", "2")]
    [InlineData("Which element has the symbol He?", "Helium")]
    [InlineData("In what year did Henry Cavendish discover hydrogen?", "1766")]
    public void Reading_mode_answers_from_the_context(string question, string expected)
    {
        var prompt = $"Context:\n{IronArticle}\n\nQuestion: {question}\nAnswer:";
        Assert.Equal(expected, ReadingModes.Respond(prompt, 0, new Random(1)));
    }

    [Theory]
    [InlineData("What is the chemical symbol of hydrogen?", "H")]
    [InlineData("Which chemical element has the symbol He?", "helium")]
    [InlineData("What is the atomic number of helium?", "2")]
    public void Numbered_passages_are_read_as_the_context(string question, string expected)
    {
        var prompt = "Answer the question using the passages.\n\n" +
            "[1] Helium: The atomic number of helium is 2. The chemical symbol of helium is He.\n" +
            "[2] Hydrogen: The atomic number of hydrogen is 1. The chemical symbol of hydrogen is H.\n\n" +
            $"Question: {question}\nAnswer:";
        Assert.Equal(expected, ReadingModes.Respond(prompt, 0, new Random(1)));
    }

    [Theory]
    [InlineData("What is the chemical symbol of iron?", "Fe")]
    [InlineData("What is the atomic number of cobalt?", "27")]
    public void A_numbered_passage_is_read_to_the_next_one_across_its_line_breaks(string question, string expected)
    {
        // As the RAG method shows retrieved chunks: the title, a blank line, then the article's text.
        var prompt = "Answer the question using the passages.\n\n" +
            "[1] Iron: Iron\n\nIron is a chemical element. The chemical symbol of iron is Fe. The atomic number of iron is 26.\n" +
            "[2] Cobalt: Cobalt\n\nCobalt is a chemical element. The chemical symbol of cobalt is Co. The atomic number of cobalt is 27.\n\n" +
            $"Question: {question}\nAnswer:";
        Assert.Equal(expected, ReadingModes.Respond(prompt, 0, new Random(1)));
    }

    [Fact]
    public void The_agent_continues_a_prompt_that_ends_with_thought()
    {
        var prompt = AgentPreamble + "Question: Ben has 34 stamps, buys 2 packs of 19 more, then loses 13. How many stamps does Ben have?\n\nThought:";
        var step = ReadingModes.Respond(prompt, 0, new Random(1))!;
        Assert.DoesNotContain("Thought:", step, StringComparison.Ordinal);
        Assert.Contains("Action: calculator[34 + 2 * 19 - 13]", step, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_mode_says_it_does_not_know_when_the_context_is_unrelated()
    {
        var prompt = "Context:\nBread needs flour, water, salt and yeast.\n\nQuestion: Who painted the Mona Lisa?\nAnswer:";
        Assert.Equal(ReadingModes.Unanswerable, ReadingModes.Respond(prompt, 0, new Random(1)));
    }

    [Fact]
    public void A_prompt_without_context_or_tools_goes_to_the_generator() =>
        Assert.Null(ReadingModes.Respond("Explain how rain forms in clouds.", 0.7, new Random(1)));

    [Theory]
    [InlineData("Tom has 12 apples. He buys 7 more apples. How many apples does Tom have now?", 19)]
    [InlineData("Sara had 45 stickers and gave away 18 stickers. How many stickers does she have left?", 27)]
    [InlineData("A baker makes 6 trays with 24 cookies each. How many cookies are there in total?", 144)]
    [InlineData("There are 84 marbles shared equally among 7 children. How many marbles does each child get?", 12)]
    [InlineData("A shop sold 120 pens on Monday and 75 pens on Tuesday, but 30 pens were lost. How many pens did the shop sell in the end?", 165)]
    [InlineData("Each box holds 8 books. How many books are in 9 boxes?", 72)]
    [InlineData("Ben has 34 stamps, buys 2 packs of 19 more, then loses 13. How many stamps does Ben have?", 59)]
    [InlineData("Liam buys 36 boxes with 7 books in each box. How many books is that in total?", 252)]
    public void Word_problems_become_expressions_that_compute_the_answer(string problem, double expected)
    {
        var expression = ArithmeticPlanner.Plan(problem);
        Assert.NotNull(expression);
        var value = Convert.ToDouble(new DataTable().Compute(expression, null), CultureInfo.InvariantCulture);
        Assert.Equal(expected, value, 6);
    }

    private const string AgentPreamble =
        "Answer the question using the tools.\nTools:\ncalculator[expression]: evaluates arithmetic\nretrieve[query]: searches the knowledge base\n" +
        "finish[answer]: gives the final answer\nUse the format Thought:, Action:, Observation:.\n\n";

    [Fact]
    public void The_agent_plans_a_calculator_call_then_answers_from_the_observation()
    {
        var first = ReadingModes.Respond(AgentPreamble + "Question: Tom has 12 apples. He buys 7 more apples. How many apples does Tom have?\n", 0, new Random(1));
        Assert.Contains("Action: calculator[12 + 7]", first, StringComparison.Ordinal);

        var second = ReadingModes.Respond(AgentPreamble + "Question: Tom has 12 apples. He buys 7 more apples. How many apples does Tom have?\n" +
            first + "\nObservation: 19\n", 0, new Random(1));
        Assert.EndsWith("Action: finish[19]", second, StringComparison.Ordinal);
    }

    [Fact]
    public void The_agent_retrieves_for_facts_and_reads_the_observation()
    {
        var question = "Question: What is the atomic number of iron?\n";
        var first = ReadingModes.Respond(AgentPreamble + question, 0, new Random(1));
        Assert.Contains("Action: retrieve[What is the atomic number of iron?]", first, StringComparison.Ordinal);
        var second = ReadingModes.Respond(AgentPreamble + question + first + "\nObservation: " + IronArticle + "\n", 0, new Random(1));
        Assert.EndsWith("Action: finish[26]", second, StringComparison.Ordinal);
    }

    [Fact]
    public void The_agent_follows_the_action_input_protocol_when_the_prompt_uses_it()
    {
        var prompt = "Tools: calculator. Use: Thought:, Action: the tool, Action Input: its input, Observation:, Final Answer:.\n\n" +
            "Question: Sara had 45 stickers and gave away 18. How many are left?\n";
        var first = ReadingModes.Respond(prompt, 0, new Random(1))!;
        Assert.Contains("Action: calculator\nAction Input: 45 - 18", first, StringComparison.Ordinal);
        var second = ReadingModes.Respond(prompt + first + "\nObservation: 27\n", 0, new Random(1));
        Assert.EndsWith("Final Answer: 27", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Composed_replies_honour_stop_sequences_and_the_token_limit()
    {
        var outcome = new GenerationOutcome();
        var text = string.Concat(ComposedReply.Stream("Thought: compute.\nAction: calculator[1 + 2]\nObservation: 3", 100, ["Observation:"], outcome));
        Assert.Equal("Thought: compute.\nAction: calculator[1 + 2]", text);
        Assert.Equal("stop", outcome.Reason);

        var limited = new GenerationOutcome();
        var cut = string.Concat(ComposedReply.Stream("one two three four five", 3, [], limited));
        Assert.Equal("one two three", cut);
        Assert.Equal("length", limited.Reason);
    }

    [Fact]
    public void Generation_stays_on_the_prompts_topic()
    {
        var model = LocalLanguageModel.FromEmbeddedCorpus();
        var onTopic = 0;
        var texts = new List<string>();
        for (var seed = 1; seed <= 10; seed++)
        {
            var text = string.Concat(new LlmLab.LlmIntegration.Providers.Local.LocalEngine(model)
                .Generate("Explain how a vaccine protects the body against a disease.", new SamplingSettings(0.7, 1.0), 60, [], seed, new GenerationOutcome()));
            if (text.Contains("vaccin", StringComparison.OrdinalIgnoreCase) || text.Contains("immun", StringComparison.OrdinalIgnoreCase)
                || text.Contains("disease", StringComparison.OrdinalIgnoreCase)) onTopic++;
            texts.Add(text);
        }
        Assert.True(onTopic >= 7, $"{onTopic} of 10 answers mention the topic:\n{string.Join("\n", texts)}");
    }
}
