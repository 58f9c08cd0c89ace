extern alias evaluation;
using System.Text.Json;
using evaluation::LlmLab.Contracts.Llm;
using evaluation::LlmLab.Evaluation.Agent;
using evaluation::LlmLab.Evaluation.Apis;
using evaluation::LlmLab.Evaluation.Clients;
using evaluation::LlmLab.Evaluation.Domain;
using evaluation::LlmLab.Evaluation.Methods;
using Grpc.Core;
using Microsoft.Extensions.AI;
using static LlmLab.UnitTests.Evaluation.EvaluationFixtures;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace LlmLab.UnitTests.Evaluation;

/// <summary>
/// The agent with native tool calling (Microsoft.Extensions.AI function invocation) against a scripted IChatClient and,
/// end to end through the gRPC mapping, against a fake of llm-integration's Generate.
/// </summary>
public class NativeAgentTests
{
    private static readonly MethodOptions Native = new(ToolCalling: ToolCalling.Native);

    [Fact]
    public async Task A_tool_call_is_invoked_its_result_goes_back_to_the_model_and_the_final_text_is_extracted()
    {
        var chat = new ScriptedChat((_, turn) => turn == 0 ? Call("c1", "calculator", "expression", "12 + 7") : Text("Twelve and seven.\nAnswer: 19"));
        var agent = new NativeAgentMethod(new FixedClients(chat), new AgentTools(KnowledgeClientOf(Articles())));

        var outcome = await agent.RunAsync(Input(MethodKind.Agent, "Anna has 12 apples and gets 7 more. How many?", ["19"], Native), default);

        Assert.True(outcome.Finished);
        Assert.Equal("19", outcome.Extracted);
        Assert.Equal(2, outcome.Steps);
        Assert.Equal(1, outcome.ToolCalls);
        Assert.Equal(("calculator", "12 + 7", "19"), (outcome.Trace[0].Action, outcome.Trace[0].ActionInput, outcome.Trace[0].Observation));
        var result = Assert.Single(chat.Seen[1].SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        Assert.Equal("c1", result.CallId);
        Assert.Equal("19", result.Result?.ToString());
        Assert.Equal(["calculator", "retrieve", "lookup"], chat.ToolNames);
    }

    [Fact]
    public async Task Retrieve_calls_the_knowledge_service_as_the_evaluations_tenant_and_keeps_the_passages()
    {
        var knowledge = Articles();
        var chat = new ScriptedChat((_, turn) => turn == 0 ? Call("r", "retrieve", "query", "symbol of cobalt") : Text("Answer: Co"));
        var agent = new NativeAgentMethod(new FixedClients(chat), new AgentTools(KnowledgeClientOf(knowledge)));

        var outcome = await agent.RunAsync(Input(MethodKind.Agent, "What is the symbol of cobalt?", ["Co"], Native), default);

        Assert.Equal("Co", outcome.Extracted);
        Assert.Equal("tenant-a", Assert.Single(knowledge.Retrieves).Tenant);
        Assert.Equal("Cobalt", outcome.Retrieved[0].DocumentTitle);
    }

    [Fact]
    public async Task The_same_call_a_third_time_ends_the_item_as_stuck_without_running_it()
    {
        var chat = new ScriptedChat((_, turn) => Call($"c{turn}", "calculator", "expression", "1 + 1"));
        var agent = new NativeAgentMethod(new FixedClients(chat), new AgentTools(KnowledgeClientOf(Articles())));

        var outcome = await agent.RunAsync(Input(MethodKind.Agent, "q", ["2"], Native), default);

        Assert.True(outcome.Stuck);
        Assert.False(outcome.Finished);
        Assert.Equal(3, outcome.Steps);
        Assert.Equal(3, outcome.Trace.Count);
        Assert.Equal(2, outcome.ToolCalls);
        Assert.Equal("", outcome.Extracted);
    }

    [Fact]
    public async Task The_step_limit_counts_model_turns_and_leaves_the_item_unfinished()
    {
        var chat = new ScriptedChat((_, turn) => Call($"c{turn}", "calculator", "expression", $"{turn} + 1"));
        var agent = new NativeAgentMethod(new FixedClients(chat), new AgentTools(KnowledgeClientOf(Articles())));

        var outcome = await agent.RunAsync(Input(MethodKind.Agent, "q", ["9"], Native with { MaxSteps = 4 }), default);

        Assert.Equal(4, chat.Seen.Count);
        Assert.Equal(4, outcome.Steps);
        Assert.False(outcome.Finished);
        Assert.False(outcome.Stuck);
        Assert.Equal("", outcome.Extracted);
    }

    [Fact]
    public async Task Through_grpc_tools_are_declared_and_calls_and_results_travel_as_tool_messages()
    {
        var llm = new FakeLlm(request => request.Messages.Any(m => m.Role == "tool")
            ? new GenerateReply { Content = "Answer: 27", FinishReason = "stop", PromptTokens = 40, CompletionTokens = 3 }
            : new GenerateReply { FinishReason = "tool_calls", PromptTokens = 30, CompletionTokens = 9, ToolCalls = { new ToolCall { Id = "call_1", Name = "calculator", ArgumentsJson = """{"expression":"3 * 9"}""" } } });
        var agent = new NativeAgentMethod(new AgentChatClients(new ModelClient(llm)), new AgentTools(KnowledgeClientOf(Articles())));

        var outcome = await agent.RunAsync(Input(MethodKind.Agent, "3 boxes of 9?", ["27"], Native), default);

        Assert.Equal("27", outcome.Extracted);
        Assert.Equal(70, outcome.Usage.PromptTokens);
        var first = llm.Requests[0];
        Assert.Equal("tenant-a", first.TenantId);
        Assert.Equal(["calculator", "retrieve", "lookup"], first.Tools.Select(t => t.Name));
        using var schema = JsonDocument.Parse(first.Tools[0].ParametersJson);
        Assert.Equal("string", schema.RootElement.GetProperty("properties").GetProperty("expression").GetProperty("type").GetString());
        var second = llm.Requests[1];
        var call = Assert.Single(second.Messages.Single(m => m.Role == "assistant").ToolCalls);
        Assert.Equal(("call_1", "calculator"), (call.Id, call.Name));
        var result = second.Messages.Single(m => m.Role == "tool");
        Assert.Equal(("call_1", "27"), (result.ToolCallId, result.Content));
    }

    [Theory]
    [InlineData(ToolCalling.Auto, true, ToolCalling.Native)]
    [InlineData(ToolCalling.Auto, false, ToolCalling.Text)]
    [InlineData(ToolCalling.Text, true, ToolCalling.Text)]
    [InlineData(ToolCalling.Native, true, ToolCalling.Native)]
    public void Auto_becomes_native_where_the_provider_supports_tools(ToolCalling asked, bool supported, ToolCalling stored)
    {
        var methods = new List<MethodSpec> { new("naive", MethodKind.Naive, new MethodOptions()), new("agent", MethodKind.Agent, new MethodOptions(ToolCalling: asked)) };

        Assert.Null(ToolCallingChoice.Resolve(methods, new ResolveModelReply { Found = true, Provider = "p", SupportsTools = supported }));
        Assert.Equal(stored, methods[1].Options.ToolCalling);
    }

    [Fact]
    public void Native_on_a_provider_without_tools_is_refused_naming_the_option()
    {
        var methods = new List<MethodSpec> { new("naive", MethodKind.Naive, new MethodOptions()), new("agent", MethodKind.Agent, Native) };

        var problem = ToolCallingChoice.Resolve(methods, new ResolveModelReply { Found = true, Provider = "local", SupportsTools = false });

        Assert.NotNull(problem);
        Assert.Equal(422, problem.StatusCode);
        var errors = Assert.IsType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(problem.ProblemDetails).Errors;
        Assert.Contains("local", errors["methods[1].options.tool_calling"][0]);
    }

    [Theory]
    [InlineData("agent", "sideways", "must be text, native or auto.")]
    [InlineData("naive", "native", "only the agent method calls tools.")]
    public void The_option_is_validated_naming_its_field(string method, string value, string message)
    {
        var request = new CreateEvaluationRequest("e", Guid.NewGuid(), null, null, null,
            [new MethodRequest(method, null, new MethodOptionsRequest(null, null, null, null, value))], "p", null, null);

        var (_, _, errors) = EvaluationValidator.Validate(request, knowledgeDeployed: true);

        Assert.Equal(message, Assert.Single(errors["methods[0].options.tool_calling"]));
    }

    private static ChatResponse Call(string id, string name, string parameter, string value) =>
        new(new AiChatMessage(ChatRole.Assistant, [new FunctionCallContent(id, name, new Dictionary<string, object?> { [parameter] = value })]))
        {
            FinishReason = ChatFinishReason.ToolCalls,
        };

    private static ChatResponse Text(string text) => new(new AiChatMessage(ChatRole.Assistant, text));

    private sealed class FixedClients(IChatClient chat) : AgentChatClients(null!)
    {
        public override IChatClient For(evaluation::LlmLab.Evaluation.Domain.Evaluation evaluation, Usage usage) => chat;
    }

    /// <summary>A chat client answering each turn from a script, recording what it was sent and the tools it was offered.</summary>
    private sealed class ScriptedChat(Func<IReadOnlyList<AiChatMessage>, int, ChatResponse> answer) : IChatClient
    {
        public List<List<AiChatMessage>> Seen { get; } = [];
        public List<string> ToolNames { get; private set; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = messages.ToList();
            Seen.Add(list);
            ToolNames = options?.Tools?.Select(t => t.Name).ToList() ?? [];
            return Task.FromResult(answer(list, Seen.Count - 1));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    /// <summary>An in-process fake of llm-integration's gRPC Generate, recording each request.</summary>
    private sealed class FakeLlm(Func<GenerateRequest, GenerateReply> answer) : LlmService.LlmServiceClient
    {
        public List<GenerateRequest> Requests { get; } = [];

        public override AsyncUnaryCall<GenerateReply> GenerateAsync(GenerateRequest request, CallOptions options)
        {
            Requests.Add(request.Clone());
            return new(Task.FromResult(answer(request)), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }
    }
}
