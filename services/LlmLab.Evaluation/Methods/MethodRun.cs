using LlmLab.Evaluation.Clients;
using LlmLab.Evaluation.Domain;

namespace LlmLab.Evaluation.Methods;

/// <summary>What a method is given: the evaluation (tenant, model, parameters), the item and its method spec.</summary>
public sealed record MethodInput(Domain.Evaluation Evaluation, DatasetItem Item, MethodSpec Spec)
{
    /// <summary>Every reference answer is a number: extraction then takes the answer's last number.</summary>
    public bool Numeric => Item.Answers.Count > 0 && Item.Answers.All(Extraction.NumericAnswer.IsNumeric);
}

/// <summary>What a method produced: the raw answer, the extracted answer, usage, and its trace.</summary>
public sealed class MethodOutcome
{
    public string Answer { get; set; } = "";
    public string Extracted { get; set; } = "";
    public Usage Usage { get; } = new();
    public bool Finished { get; set; } = true;
    public bool Stuck { get; set; }
    public int Steps { get; set; }
    public int ToolCalls { get; set; }
    public int ToolErrors { get; set; }
    public List<TraceStep> Trace { get; } = [];
    public List<RetrievedPassage> Retrieved { get; } = [];
}

/// <summary>A way of putting a dataset question to a model (naive, chain-of-thought, RAG, agent).</summary>
public interface IEvaluationMethod
{
    bool Handles(MethodSpec spec);

    Task<MethodOutcome> RunAsync(MethodInput input, CancellationToken ct);
}
