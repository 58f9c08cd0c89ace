using LlmLab.Evaluation.Clients;
using LlmLab.Evaluation.Domain;
using LlmLab.Evaluation.Extraction;

namespace LlmLab.Evaluation.Methods;

/// <summary>naive, cot and cot_few_shot: one model call with the method's prompt, then answer extraction.</summary>
public sealed class PromptMethods(ModelClient model) : IEvaluationMethod
{
    public bool Handles(MethodSpec spec) => spec.Method is MethodKind.Naive or MethodKind.Cot or MethodKind.CotFewShot;

    public async Task<MethodOutcome> RunAsync(MethodInput input, CancellationToken ct)
    {
        var prompt = input.Spec.Method switch
        {
            MethodKind.Cot => Prompts.ChainOfThought(input.Item),
            MethodKind.CotFewShot => Prompts.FewShot(input.Item),
            _ => Prompts.Naive(input.Item),
        };
        var outcome = new MethodOutcome { Steps = 1 };
        // A naive answer is one line; a reasoning answer runs until its "Answer:" line.
        string[] stop = input.Spec.Method == MethodKind.Naive ? ["\nQuestion:", "\n\n"] : ["\nQuestion:"];
        outcome.Answer = await model.CompleteAsync(input.Evaluation, prompt, stop, outcome.Usage, ct);
        outcome.Extracted = AnswerExtractor.Extract(outcome.Answer, input.Numeric);
        return outcome;
    }
}
