using LlmLab.Evaluation.Agent;
using LlmLab.Evaluation.Domain;
using LlmLab.Evaluation.Extraction;
using Microsoft.Extensions.AI;

namespace LlmLab.Evaluation.Methods;

/// <summary>
/// The agent with the provider's native tool calling, through Microsoft.Extensions.AI function invocation: calculator,
/// retrieve and lookup are AI functions; the same step limit (model turns), stuck rule and trace as the text protocol.
/// A final answer is the model's text once it stops calling tools; the step limit or the stuck rule leave it unfinished.
/// </summary>
public sealed class NativeAgentMethod(AgentChatClients clients, AgentTools tools) : IEvaluationMethod
{
    public bool Handles(MethodSpec spec) => spec.Method == MethodKind.Agent && spec.Options.ToolCalling == ToolCalling.Native;

    public static string Instructions(string question) => $"""
        Answer the question. Call the tools calculator, retrieve and lookup when they help.
        When you know the answer, reply with its last line as "Answer: <answer>".

        Question: {question}
        """;

    public async Task<MethodOutcome> RunAsync(MethodInput input, CancellationToken ct)
    {
        var outcome = new MethodOutcome { Finished = false };
        var maxSteps = input.Spec.Options.MaxSteps;
        using var turns = new StepLimitChatClient(clients.For(input.Evaluation, outcome.Usage), maxSteps);
        using var agent = new FunctionInvokingChatClient(turns) { MaximumIterationsPerRequest = maxSteps, AllowConcurrentInvocation = false };
        var options = new ChatOptions { Tools = Functions(input, outcome, turns), ToolMode = ChatToolMode.Auto };
        ChatResponse response;
        try
        {
            response = await agent.GetResponseAsync([new ChatMessage(ChatRole.User, Instructions(input.Item.Question))], options, ct);
        }
        catch (StepLimitReachedException)
        {
            outcome.Steps = turns.Turns;
            outcome.Extracted = "";
            return outcome;
        }
        outcome.Steps = turns.Turns;
        var last = response.Messages.LastOrDefault(m => m.Role == ChatRole.Assistant);
        if (outcome.Stuck || last is null || last.Contents.OfType<FunctionCallContent>().Any())
        {
            outcome.Extracted = "";
            return outcome;
        }
        outcome.Answer = last.Text;
        outcome.Trace.Add(new TraceStep(turns.Turns, last.Text, null, null, null, null, false));
        outcome.Finished = true;
        outcome.Extracted = AnswerExtractor.Extract(last.Text, input.Numeric);
        return outcome;
    }

    private List<AITool> Functions(MethodInput input, MethodOutcome outcome, StepLimitChatClient turns)
    {
        var repeats = new RepeatGuard();
        async Task<string> Run(string tool, string argument, CancellationToken ct)
        {
            if (repeats.IsStuck(tool, argument))
            {
                outcome.Trace.Add(new TraceStep(turns.Turns, turns.LastText, null, tool, argument, null, false));
                outcome.Stuck = true;
                FunctionInvokingChatClient.CurrentContext!.Terminate = true;
                return "Stopped: the same call a third time.";
            }
            var observation = await tools.RunAsync(tool, argument, input, outcome, ct);
            outcome.ToolCalls++;
            if (observation.Error) outcome.ToolErrors++;
            outcome.Trace.Add(new TraceStep(turns.Turns, turns.LastText, null, tool, argument, observation.Text, observation.Error));
            return observation.Text;
        }
        return
        [
            AIFunctionFactory.Create((string expression, CancellationToken ct) => Run("calculator", expression, ct), "calculator",
                "Evaluates arithmetic, such as 12 * (3 + 4)."),
            AIFunctionFactory.Create((string query, CancellationToken ct) => Run("retrieve", query, ct), "retrieve",
                "Searches the knowledge base and returns the best passages."),
            AIFunctionFactory.Create((string title, CancellationToken ct) => Run("lookup", title, ct), "lookup",
                "Returns the article with exactly this title."),
        ];
    }
}
