extern alias evaluation;
using evaluation::LlmLab.Evaluation.Agent;
using evaluation::LlmLab.Evaluation.Domain;
using evaluation::LlmLab.Evaluation.Methods;
using static LlmLab.UnitTests.Evaluation.EvaluationFixtures;

namespace LlmLab.UnitTests.Evaluation;

/// <summary>The ReAct agent against a scripted model and the in-process fake of the knowledge gRPC service.</summary>
public class AgentMethodTests
{
    [Fact]
    public async Task The_calculator_observation_reaches_the_model_and_the_final_answer_is_extracted()
    {
        var model = new ScriptedModel(" add them\nAction: calculator[12 + 7]", " I know it\nFinal Answer: 19 apples");
        var agent = new AgentMethod(model, new AgentTools(KnowledgeClientOf(Articles())));

        var outcome = await agent.RunAsync(Input(MethodKind.Agent, "Anna has 12 apples and gets 7 more. How many?", ["19"]), default);

        Assert.True(outcome.Finished);
        Assert.Equal("19", outcome.Extracted);
        Assert.Equal(2, outcome.Steps);
        Assert.Equal(1, outcome.ToolCalls);
        Assert.Equal("19", outcome.Trace[0].Observation);
        Assert.Contains("Observation: 19", model.Prompts[1]);
        Assert.StartsWith(AgentMethod.Instructions("Anna has 12 apples and gets 7 more. How many?"), model.Prompts[0]);
    }

    [Fact]
    public async Task Retrieve_and_lookup_call_the_knowledge_service_as_the_evaluations_tenant()
    {
        var knowledge = Articles();
        var model = new ScriptedModel(" find it\nAction: retrieve[symbol of cobalt]", " check\nAction: lookup[Cobalt]", " done\nFinal Answer: Co");
        var agent = new AgentMethod(model, new AgentTools(KnowledgeClientOf(knowledge)));

        var outcome = await agent.RunAsync(Input(MethodKind.Agent, "What is the symbol of cobalt?", ["Co"], new MethodOptions(TopK: 2)), default);

        Assert.Equal("Co", outcome.Extracted);
        var (tenant, request) = Assert.Single(knowledge.Retrieves);
        Assert.Equal("tenant-a", tenant);
        Assert.Equal(2, request.TopK);
        Assert.Equal(("tenant-a", "Cobalt"), Assert.Single(knowledge.Lookups));
        Assert.Equal("Cobalt", outcome.Retrieved[0].DocumentTitle);
        Assert.Contains("The chemical symbol of cobalt is Co", outcome.Trace[1].Observation);
    }

    [Fact]
    public async Task The_same_action_a_third_time_ends_the_item_as_stuck_with_every_step_traced()
    {
        var model = new ScriptedModel(" hmm\nAction: calculator[1 + 1]");
        var agent = new AgentMethod(model, new AgentTools(KnowledgeClientOf(Articles())));

        var outcome = await agent.RunAsync(Input(MethodKind.Agent, "q", ["2"]), default);

        Assert.True(outcome.Stuck);
        Assert.False(outcome.Finished);
        Assert.Equal(3, outcome.Steps);
        Assert.Equal(3, outcome.Trace.Count);
        Assert.Equal(2, outcome.ToolCalls);
        Assert.Equal("", outcome.Extracted);
    }

    [Fact]
    public async Task Tool_errors_are_observations_counted_and_the_step_limit_ends_the_loop()
    {
        var knowledge = Articles();
        knowledge.Down = true;
        var turns = new[] { "Action: calculator[2 +]", "Action: search[iron]", "Action: retrieve[iron]", "Action: calculator[3 * 3]" };
        var model = new ScriptedModel((_, i) => " try\n" + turns[i % turns.Length]);
        var agent = new AgentMethod(model, new AgentTools(KnowledgeClientOf(knowledge)));

        var outcome = await agent.RunAsync(Input(MethodKind.Agent, "q", ["9"], new MethodOptions(MaxSteps: 4)), default);

        Assert.Equal(4, outcome.Steps);
        Assert.Equal(4, outcome.ToolCalls);
        Assert.Equal(3, outcome.ToolErrors);
        Assert.False(outcome.Finished);
        Assert.Contains("unknown tool 'search'", outcome.Trace[1].Observation);
        Assert.Contains("Internal", outcome.Trace[2].Observation);
        Assert.Equal("9", outcome.Trace[3].Observation);
    }

    [Fact]
    public async Task A_model_that_ignores_the_protocol_is_scored_on_its_prose_but_has_not_finished()
    {
        var agent = new AgentMethod(new ScriptedModel(" The answer is 42."), new AgentTools(KnowledgeClientOf(Articles())));
        var outcome = await agent.RunAsync(Input(MethodKind.Agent, "q", ["42"]), default);
        Assert.False(outcome.Finished);
        Assert.Equal("42", outcome.Extracted);
        Assert.Equal(1, outcome.Steps);
    }
}
