using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmLab.LlmIntegration.Providers.Local.Reading;

/// <summary>
/// The built-in engine's next step in a ReAct transcript: plan a calculator expression for arithmetic, retrieve for
/// facts, read the observation, then give the final answer. It follows the tool protocol the prompt shows and never
/// computes or knows an answer itself; the observations are the only source of results.
/// </summary>
public static partial class AgentResponder
{
    [GeneratedRegex(@"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberInText();

    public static string Respond(PromptLayout layout, double temperature, Random random)
    {
        var question = layout.Question;
        var last = layout.Steps.Count > 0 ? layout.Steps[^1] : null;
        if (last is null || last.Observation is null)
        {
            return FirstAction(layout) ?? Finish(layout, "I don't know", "No tool fits this question.");
        }

        switch (last.Tool)
        {
            case "calculator":
                var number = NumberInText().Match(last.Observation);
                return number.Success
                    ? Finish(layout, Normalise(number.Value), "The calculator gave the result.")
                    : Finish(layout, "I don't know", "The calculator could not evaluate the expression.");
            default:
                var answer = ExtractiveReader.Answer(last.Observation, question, temperature, random);
                if (answer is not null) return Finish(layout, answer, "The retrieved text answers the question.");
                if (layout.Tools.Contains("lookup") && layout.Steps.All(s => s.Tool != "lookup") && SubjectOf(question) is { } subject)
                {
                    return Act(layout, "lookup", subject, "The search found nothing useful; I will look the subject up.");
                }
                return Finish(layout, "I don't know", "Nothing I retrieved answers the question.");
        }
    }

    private static string? FirstAction(PromptLayout layout)
    {
        if (layout.Tools.Contains("calculator") && ArithmeticPlanner.Plan(layout.Question) is { } expression)
        {
            return Act(layout, "calculator", expression, "This is arithmetic; I will compute it with the calculator.");
        }
        var retrieve = layout.Tools.Contains("retrieve") ? "retrieve" : layout.Tools.Contains("search") ? "search" : null;
        if (retrieve is not null) return Act(layout, retrieve, layout.Question, "I need facts for this; I will search the knowledge base.");
        if (layout.Tools.Contains("lookup") && SubjectOf(layout.Question) is { } subject) return Act(layout, "lookup", subject, "I will look the subject up.");
        return null;
    }

    private static string Act(PromptLayout layout, string tool, string input, string thought) => ThoughtLine(layout, thought) + layout.Syntax switch
    {
        ToolSyntax.ActionInput => $"Action: {tool}\nAction Input: {input}",
        _ => $"Action: {tool}[{input}]",
    };

    private static string Finish(PromptLayout layout, string answer, string thought) => ThoughtLine(layout, thought) + layout.Syntax switch
    {
        ToolSyntax.BracketsWithFinish => $"Action: finish[{answer}]",
        _ => $"Final Answer: {answer}",
    };

    /// <summary>The thought, labelled unless the prompt already ends with "Thought:" for the model to continue.</summary>
    private static string ThoughtLine(PromptLayout layout, string thought) => layout.EndsWithThought ? $" {thought}\n" : $"Thought: {thought}\n";

    /// <summary>The question's capitalised words after its first word: the entity it asks about.</summary>
    private static string? SubjectOf(string question)
    {
        var words = TextWords.Words(question).Skip(1).Where(w => w.Text.Length > 0 && char.IsUpper(w.Text[0])).Select(w => w.Text).ToList();
        return words.Count > 0 ? string.Join(" ", words) : null;
    }

    private static string Normalise(string number) =>
        double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("0.##########", CultureInfo.InvariantCulture)
            : number;
}
