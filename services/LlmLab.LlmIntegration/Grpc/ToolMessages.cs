using System.Text.Json;
using LlmLab.Contracts.Llm;
using Microsoft.Extensions.AI;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace LlmLab.LlmIntegration.Grpc;

/// <summary>
/// gRPC messages and tools as Microsoft.Extensions.AI ones and back: assistant tool calls and tool results as function
/// call and result contents, tool definitions as function declarations (the provider's chat client sends them as tools).
/// </summary>
internal static class ToolMessages
{
    private static readonly JsonElement NoParameters = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement;

    public static bool UsesTools(GenerateRequest request) =>
        request.Tools.Count > 0 || request.Messages.Any(m => m.Role == "tool" || m.ToolCalls.Count > 0);

    public static AiChatMessage ToMessage(LlmLab.Contracts.Llm.ChatMessage m)
    {
        if (m.Role == "tool") return new AiChatMessage(ChatRole.Tool, [new FunctionResultContent(m.ToolCallId, m.Content)]);
        var message = new AiChatMessage(new ChatRole(string.IsNullOrEmpty(m.Role) ? "user" : m.Role), m.Content);
        if (m.ToolCalls.Count == 0) return message;
        if (m.Content.Length == 0) message.Contents.Clear();
        foreach (var call in m.ToolCalls) message.Contents.Add(new FunctionCallContent(call.Id, call.Name, Arguments(call.ArgumentsJson)));
        return message;
    }

    public static IList<AITool> Tools(GenerateRequest request) => request.Tools
        .Select(t => (AITool)AIFunctionFactory.CreateDeclaration(t.Name, t.Description,
            t.ParametersJson.Length == 0 ? NoParameters : JsonDocument.Parse(t.ParametersJson).RootElement))
        .ToList();

    public static IEnumerable<ToolCall> ToCalls(IEnumerable<FunctionCallContent> calls) => calls.Select(c => new ToolCall
    {
        Id = c.CallId, Name = c.Name, ArgumentsJson = JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>()),
    });

    /// <summary>The arguments' JSON object; the validator has checked it is one.</summary>
    private static Dictionary<string, object?> Arguments(string json) =>
        json.Length == 0 ? [] : JsonSerializer.Deserialize<Dictionary<string, object?>>(json) ?? [];

    /// <summary>The first malformed tool or tool message, naming its field.</summary>
    public static string? FirstError(GenerateRequest request)
    {
        if (request.Tools.Count > Apis.OpenAiCompatible.ToolValidator.MaxTools) return $"tools: at most {Apis.OpenAiCompatible.ToolValidator.MaxTools} tools.";
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Tools.Count; i++)
        {
            var tool = request.Tools[i];
            if (!Apis.OpenAiCompatible.ToolValidator.IsFunctionName(tool.Name)) return $"tools[{i}].name: must be 1 to 64 letters, digits, underscores or dashes.";
            if (!names.Add(tool.Name)) return $"tools[{i}].name: '{tool.Name}' is declared twice.";
            if (tool.ParametersJson.Length > 0 && !Apis.OpenAiCompatible.ToolValidator.IsJsonObject(tool.ParametersJson)) return $"tools[{i}].parameters_json: must be a JSON Schema object.";
        }
        for (var i = 0; i < request.Messages.Count; i++)
        {
            var message = request.Messages[i];
            if (message.Role == "tool" && message.ToolCallId.Length == 0) return $"messages[{i}].tool_call_id: is required for a tool message.";
            for (var j = 0; j < message.ToolCalls.Count; j++)
            {
                var call = message.ToolCalls[j];
                if (call.Id.Length == 0 || call.Name.Length == 0) return $"messages[{i}].tool_calls[{j}]: needs an id and a name.";
                if (call.ArgumentsJson.Length > 0 && !Apis.OpenAiCompatible.ToolValidator.IsJsonObject(call.ArgumentsJson)) return $"messages[{i}].tool_calls[{j}].arguments_json: must be a JSON object.";
            }
        }
        return null;
    }
}
