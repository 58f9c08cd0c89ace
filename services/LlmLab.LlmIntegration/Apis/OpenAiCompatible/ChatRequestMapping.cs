using System.Text.Json;
using LlmLab.LlmIntegration.Pipeline;
using Microsoft.Extensions.AI;
using OpenAIChat = OpenAI.Chat;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>A validated wire request as Microsoft.Extensions.AI messages and options.</summary>
public static class ChatRequestMapping
{
    public static List<ChatMessage> Messages(ChatCompletionRequest body) => body.Messages!.Select(ToMessage).ToList();

    private static ChatMessage ToMessage(WireMessage m)
    {
        var role = new ChatRole(m.Role!);
        if (m.Role == "tool") return new ChatMessage(ChatRole.Tool, [new FunctionResultContent(m.ToolCallId!, m.Text())]);
        var message = new ChatMessage(role, m.Text()) { AuthorName = m.Name };
        if (m.ToolCalls is { ValueKind: JsonValueKind.Array } calls)
        {
            if (message.Text.Length == 0) message.Contents.Clear();
            foreach (var call in calls.EnumerateArray())
            {
                var function = call.GetProperty("function");
                var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(function.GetProperty("arguments").GetString()!);
                message.Contents.Add(new FunctionCallContent(call.GetProperty("id").GetString()!, function.GetProperty("name").GetString()!, arguments));
            }
        }
        return message;
    }

    /// <param name="choice">Which of n choices this is: a seeded request draws each choice with its own seed.</param>
    public static ChatOptions Options(ChatCompletionRequest body, int choice)
    {
        var options = new ChatOptions
        {
            Temperature = (float?)body.Temperature,
            TopP = (float?)body.TopP,
            MaxOutputTokens = body.MaxCompletionTokens ?? body.MaxTokens,
            FrequencyPenalty = (float?)body.FrequencyPenalty,
            PresencePenalty = (float?)body.PresencePenalty,
            Seed = body.Seed + choice,
            StopSequences = body.Stop switch
            {
                { ValueKind: JsonValueKind.String } s => [s.GetString()!],
                { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Select(x => x.GetString() ?? "").Where(x => x.Length > 0).ToList(),
                _ => null,
            },
        };
        if (body.Logprobs == true) LogprobRequest.Ask(options, body.TopLogprobs ?? 0);
        if (NeedsUpstreamOptions(body)) options.RawRepresentationFactory = _ => UpstreamOptions(body);
        return options;
    }

    /// <summary>Requests with these features must not be answered from (or stored in) the cache, whose key does not hold them.</summary>
    public static bool Uncacheable(ChatCompletionRequest body) => body.Logprobs == true || NeedsUpstreamOptions(body);

    private static bool NeedsUpstreamOptions(ChatCompletionRequest body) =>
        body.Tools is { ValueKind: JsonValueKind.Array } || body.ToolChoice is { ValueKind: not JsonValueKind.Null }
        || body.ResponseFormat is { ValueKind: JsonValueKind.Object } || body.ParallelToolCalls is not null || body.Logprobs == true;

    /// <summary>
    /// Tools, tool choice, response format and logprobs exactly as the caller sent them (strict flags and schema names included),
    /// as the OpenAI SDK's own options, which the OpenAI chat client completes with everything else.
    /// </summary>
    private static OpenAIChat.ChatCompletionOptions UpstreamOptions(ChatCompletionRequest body)
    {
        var options = new OpenAIChat.ChatCompletionOptions();
        if (body.Tools is { ValueKind: JsonValueKind.Array } tools)
        {
            foreach (var tool in tools.EnumerateArray())
            {
                var function = tool.GetProperty("function");
                options.Tools.Add(OpenAIChat.ChatTool.CreateFunctionTool(
                    function.GetProperty("name").GetString()!,
                    function.TryGetProperty("description", out var description) ? description.GetString() : null,
                    function.TryGetProperty("parameters", out var parameters) ? BinaryData.FromString(parameters.GetRawText()) : null,
                    function.TryGetProperty("strict", out var strict) ? strict.GetBoolean() : null));
            }
        }
        options.ToolChoice = body.ToolChoice switch
        {
            { ValueKind: JsonValueKind.String } mode => mode.GetString() switch
            {
                "none" => OpenAIChat.ChatToolChoice.CreateNoneChoice(),
                "required" => OpenAIChat.ChatToolChoice.CreateRequiredChoice(),
                _ => OpenAIChat.ChatToolChoice.CreateAutoChoice(),
            },
            { ValueKind: JsonValueKind.Object } named => OpenAIChat.ChatToolChoice.CreateFunctionChoice(named.GetProperty("function").GetProperty("name").GetString()!),
            _ => null,
        };
        options.AllowParallelToolCalls = body.ParallelToolCalls;
        if (body.Logprobs == true)
        {
            options.IncludeLogProbabilities = true;
            options.TopLogProbabilityCount = body.TopLogprobs;
        }
        if (body.ResponseFormat is { ValueKind: JsonValueKind.Object } format)
        {
            options.ResponseFormat = format.GetProperty("type").GetString() switch
            {
                "json_object" => OpenAIChat.ChatResponseFormat.CreateJsonObjectFormat(),
                "json_schema" => JsonSchemaFormat(format.GetProperty("json_schema")),
                _ => OpenAIChat.ChatResponseFormat.CreateTextFormat(),
            };
        }
        return options;
    }

    private static OpenAIChat.ChatResponseFormat JsonSchemaFormat(JsonElement schema) => OpenAIChat.ChatResponseFormat.CreateJsonSchemaFormat(
        schema.GetProperty("name").GetString()!,
        BinaryData.FromString(schema.GetProperty("schema").GetRawText()),
        schema.TryGetProperty("description", out var description) ? description.GetString() : null,
        schema.TryGetProperty("strict", out var strict) ? strict.GetBoolean() : null);
}
