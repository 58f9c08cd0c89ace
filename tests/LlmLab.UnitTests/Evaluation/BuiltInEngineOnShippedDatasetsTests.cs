extern alias evaluation;
using System.Globalization;
using evaluation::LlmLab.Evaluation.Agent;
using evaluation::LlmLab.Evaluation.Datasets;
using evaluation::LlmLab.Evaluation.Methods;
using LlmLab.LlmIntegration.Providers.Local.Reading;
using Xunit.Abstractions;

namespace LlmLab.UnitTests.Evaluation;

/// <summary>
/// The built-in engine's reading and agent modes against the shipped datasets, with the evaluation service's own prompt
/// and calculator: the figures the evaluation issue asks of the offline baseline, checked on every item.
/// </summary>
public class BuiltInEngineOnShippedDatasetsTests(ITestOutputHelper output)
{
    private static string Builtin(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "..", "..", "..", "..", "..", "services", "LlmLab.Evaluation", "Builtin", .. parts]);

    [Fact]
    public void The_agent_plans_a_calculator_expression_that_answers_at_least_90_percent_of_the_arithmetic_items()
    {
        var items = DatasetParser.ParseJson(File.ReadAllText(Builtin("arithmetic.json"))).Items;
        var correct = 0;
        foreach (var item in items)
        {
            var step = ReadingModes.Respond(AgentMethod.Instructions(item.Question) + "Thought:", 0, new Random(1)) ?? "";
            var expression = step.Split("calculator[", 2) is [_, var rest] ? rest[..rest.LastIndexOf(']')] : null;
            if (expression is null) continue;
            var (value, _) = Calculator.Evaluate(expression);
            var final = ReadingModes.Respond(AgentMethod.Instructions(item.Question) + "Thought:" + step + "\nObservation: " +
                value?.ToString(CultureInfo.InvariantCulture) + "\n", 0, new Random(1)) ?? "";
            var answer = final.Split("Final Answer:", 2) is [_, var a] ? a.Trim() : null;
            if (answer is not null && decimal.TryParse(answer, CultureInfo.InvariantCulture, out var d) &&
                decimal.TryParse(item.Answers[0], CultureInfo.InvariantCulture, out var expected) && d == expected) correct++;
        }
        output.WriteLine($"agent with calculator: {correct} of {items.Count} exact");
        Assert.True(correct >= 0.9 * items.Count, $"{correct} of {items.Count}");
    }

    [Fact]
    public void Reading_mode_answers_general_knowledge_from_the_items_article()
    {
        var items = DatasetParser.ParseJson(File.ReadAllText(Builtin("general-knowledge.json"))).Items;
        var correct = 0;
        foreach (var item in items)
        {
            var title = item.SupportingFacts[0].Title;
            var article = File.ReadAllText(Builtin("articles", title.ToLowerInvariant() + ".txt"));
            var prompt = $"Answer the question using the passages.\n\n[1] {title}: {article.Replace('\n', ' ')}\n\nQuestion: {item.Question}\nAnswer:";
            var answer = ReadingModes.Respond(prompt, 0, new Random(1));
            if (item.Answers.Contains(answer, StringComparer.Ordinal)) correct++;
        }
        output.WriteLine($"reading mode with the supporting article: {correct} of {items.Count} exact");
        Assert.True(correct >= 0.8 * items.Count, $"{correct} of {items.Count}");
    }
}
