using System.Text;
using System.Text.Json;
using LlmLab.LlmIntegration.Pipeline;
using Microsoft.Extensions.AI;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>The JSON objects of OpenAI's chat completion answers: choices, messages, tool calls, logprobs, usage.</summary>
public static class ChatCompletionShapes
{
    public static object Completion(string id, long created, string model, IReadOnlyList<GenerationResult> results, bool logprobs) => new
    {
        id, @object = "chat.completion", created, model,
        choices = results.Select((r, index) => new
        {
            index,
            message = Message(r),
            logprobs = logprobs ? Logprobs(r.Logprobs ?? []) : null,
            finish_reason = r.FinishReason,
        }),
        usage = Usage(results),
    };

    private static object Message(GenerationResult r) => r.ToolCalls.Count > 0
        ? new { role = "assistant", content = r.Content.Length > 0 ? r.Content : null, refusal = (string?)null, tool_calls = ToolCalls(r.ToolCalls) }
        : new { role = "assistant", content = (string?)r.Content, refusal = (string?)null };

    public static object[] ToolCalls(IReadOnlyList<FunctionCallContent> calls) => calls.Select((c, index) => (object)new
    {
        index,
        id = c.CallId,
        type = "function",
        function = new { name = c.Name, arguments = JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>()) },
    }).ToArray();

    public static object Logprobs(IEnumerable<TokenLogprob> tokens) => new
    {
        content = tokens.Select(t => new
        {
            token = t.Token,
            logprob = t.Logprob,
            bytes = Bytes(t.Token),
            top_logprobs = t.Top.Select(a => new { token = a.Token, logprob = a.Logprob, bytes = Bytes(a.Token) }),
        }),
        refusal = (object?)null,
    };

    private static int[] Bytes(string token) => Encoding.UTF8.GetBytes(token).Select(b => (int)b).ToArray();

    /// <summary>
    /// Tokens summed over every call made for the request (n choices are n calls, each reading the prompt), and their
    /// cost in USD as the extension field <c>cost</c>.
    /// </summary>
    public static object Usage(IReadOnlyList<GenerationResult> results)
    {
        var prompt = results.Sum(r => r.PromptTokens);
        var completion = results.Sum(r => r.CompletionTokens);
        return new { prompt_tokens = prompt, completion_tokens = completion, total_tokens = prompt + completion, cost = results.Sum(r => r.CostUsd) };
    }
}
