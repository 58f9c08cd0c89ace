using System.Runtime.CompilerServices;
using System.Text.Json;
using LlmLab.Contracts.Llm;
using Microsoft.Extensions.AI;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using WireMessage = LlmLab.Contracts.Llm.ChatMessage;

namespace LlmLab.Evaluation.Clients;

/// <summary>
/// llm-integration's gRPC Generate as a Microsoft.Extensions.AI chat client for one evaluation: its tenant, provider,
/// model and parameters; function declarations go as <c>tools</c>, function calls and results as tool messages; the
/// usage of every call is added to the work item's.
/// </summary>
public sealed class LlmServiceChatClient(ModelClient model, Domain.Evaluation evaluation, Usage usage) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = ModelClient.Request(evaluation, options?.StopSequences?.ToList() ?? []);
        request.Messages.AddRange(messages.SelectMany(ToWire));
        foreach (var tool in options?.Tools?.OfType<AIFunctionDeclaration>() ?? [])
            request.Tools.Add(new ToolDefinition { Name = tool.Name, Description = tool.Description, ParametersJson = tool.JsonSchema.GetRawText() });
        var reply = await model.SendAsync(request, usage, cancellationToken);

        var answer = new AiChatMessage(ChatRole.Assistant, reply.Content);
        if (reply.Content.Length == 0) answer.Contents.Clear();
        foreach (var call in reply.ToolCalls)
        {
            var arguments = call.ArgumentsJson.Length == 0 ? [] : JsonSerializer.Deserialize<Dictionary<string, object?>>(call.ArgumentsJson) ?? [];
            answer.Contents.Add(new FunctionCallContent(call.Id, call.Name, arguments));
        }
        return new ChatResponse(answer)
        {
            ModelId = reply.Model,
            FinishReason = reply.FinishReason switch { "tool_calls" => ChatFinishReason.ToolCalls, "length" => ChatFinishReason.Length, _ => ChatFinishReason.Stop },
            Usage = new UsageDetails { InputTokenCount = reply.PromptTokens, OutputTokenCount = reply.CompletionTokens, TotalTokenCount = reply.TotalTokens },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>A function's result as the text the model reads: a string as it is (function invocation returns it as a JSON string), anything else as JSON.</summary>
    private static string ResultText(object? result) => result switch
    {
        null => "",
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString()!,
        _ => JsonSerializer.Serialize(result),
    };

    /// <summary>One wire message per text/call message, and one tool message per function result.</summary>
    private static IEnumerable<WireMessage> ToWire(AiChatMessage message)
    {
        var results = message.Contents.OfType<FunctionResultContent>().ToList();
        if (results.Count > 0)
        {
            foreach (var result in results)
                yield return new WireMessage { Role = "tool", ToolCallId = result.CallId, Content = ResultText(result.Result) };
            yield break;
        }
        var wire = new WireMessage { Role = message.Role.Value, Content = message.Text };
        foreach (var call in message.Contents.OfType<FunctionCallContent>())
            wire.ToolCalls.Add(new ToolCall { Id = call.CallId, Name = call.Name, ArgumentsJson = JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>()) });
        yield return wire;
    }
}
