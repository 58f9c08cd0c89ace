using System.Text;
using LlmLab.Evaluation.Domain;

namespace LlmLab.Evaluation.Methods;

/// <summary>The prompt texts of the methods, in one place so the benchmark and the docs quote the same words.</summary>
public static class Prompts
{
    public const string ThinkStepByStep =
        "Let's think step by step. Then give the final answer on its own last line as \"Answer: <answer>\".";

    public static string Naive(DatasetItem item) => $"{Context(item)}Question: {item.Question}\nAnswer:";

    public static string ChainOfThought(DatasetItem item) => $"{Context(item)}Question: {item.Question}\n{ThinkStepByStep}\n";

    public static string FewShot(DatasetItem item)
    {
        var text = new StringBuilder();
        foreach (var example in FewShotExamples.All)
        {
            text.Append("Question: ").Append(example.Question).Append('\n').Append(example.Reasoning).Append("\nAnswer: ").Append(example.Answer).Append("\n\n");
        }
        return text.Append(ChainOfThought(item)).ToString();
    }

    public static string WithPassages(DatasetItem item, IReadOnlyList<RetrievedPassage> passages)
    {
        var text = new StringBuilder("Answer the question using the passages.\n\n");
        for (var i = 0; i < passages.Count; i++) text.Append('[').Append(i + 1).Append("] ").Append(passages[i].DocumentTitle).Append(": ").Append(passages[i].Text).Append('\n');
        return text.Append('\n').Append(Naive(item)).ToString();
    }

    private static string Context(DatasetItem item) => string.IsNullOrWhiteSpace(item.Context) ? "" : $"Context: {item.Context}\n\n";
}
