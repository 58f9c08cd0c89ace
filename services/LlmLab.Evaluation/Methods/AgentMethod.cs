using System.Text;
using LlmLab.Evaluation.Agent;
using LlmLab.Evaluation.Clients;
using LlmLab.Evaluation.Domain;
using LlmLab.Evaluation.Extraction;

namespace LlmLab.Evaluation.Methods;

/// <summary>
/// A ReAct agent over the text protocol (Thought / Action / Observation / Final Answer), usable with any model: at most
/// max_steps model turns; the same action with the same input a third time ends the item as stuck; every turn is
/// stored as a trace step. An answer without the protocol's "Final Answer:" is still extracted but does not count as
/// the agent finishing.
/// </summary>
public sealed class AgentMethod(ModelClient model, AgentTools tools) : IEvaluationMethod
{
    public bool Handles(MethodSpec spec) => spec.Method == MethodKind.Agent && spec.Options.ToolCalling != ToolCalling.Native;

    public static string Instructions(string question) => $"""
        Answer the question. You can use these tools:
        {AgentTools.Description}
        Use this format:
        Thought: what to do next
        Action: tool[input]
        Observation: the tool's result
        ... (Thought, Action and Observation may repeat)
        Thought: I know the answer
        Final Answer: the answer

        Question: {question}

        """;

    public async Task<MethodOutcome> RunAsync(MethodInput input, CancellationToken ct)
    {
        var outcome = new MethodOutcome { Finished = false };
        var transcript = new StringBuilder(Instructions(input.Item.Question));
        var repeats = new RepeatGuard();
        for (var step = 1; step <= input.Spec.Options.MaxSteps; step++)
        {
            transcript.Append("Thought:");
            var output = await model.CompleteAsync(input.Evaluation, transcript.ToString(), ["\nObservation:", "Observation:"], outcome.Usage, ct);
            outcome.Steps = step;
            outcome.Answer = output;
            var turn = ReActParser.Parse("Thought:" + output);
            if (turn.FinalAnswer is { } final)
            {
                outcome.Trace.Add(new TraceStep(step, output, turn.Thought, null, null, null, false));
                outcome.Finished = true;
                outcome.Extracted = AnswerExtractor.Extract("Answer: " + final, input.Numeric);
                return outcome;
            }
            if (turn.Action is not { } action)
            {
                // Not the protocol: the model answered in prose. Extract what it said; the agent did not finish.
                outcome.Trace.Add(new TraceStep(step, output, turn.Thought, null, null, null, false));
                outcome.Extracted = AnswerExtractor.Extract(output, input.Numeric);
                return outcome;
            }
            if (repeats.IsStuck(action, turn.ActionInput ?? ""))
            {
                outcome.Trace.Add(new TraceStep(step, output, turn.Thought, action, turn.ActionInput, null, false));
                outcome.Stuck = true;
                outcome.Extracted = "";
                return outcome;
            }
            var observation = await tools.RunAsync(action, turn.ActionInput ?? "", input, outcome, ct);
            outcome.ToolCalls++;
            if (observation.Error) outcome.ToolErrors++;
            outcome.Trace.Add(new TraceStep(step, output, turn.Thought, action, turn.ActionInput, observation.Text, observation.Error));
            transcript.Append(' ').Append(output.Trim()).Append("\nObservation: ").Append(observation.Text).Append('\n');
        }
        outcome.Extracted = "";
        return outcome;
    }
}
