using LlmLab.LlmIntegration.Pipeline;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>
/// The JSON objects of OpenAI's Responses API: the response (whole, or as the stream's created/completed events carry
/// it), its one assistant message and that message's output_text part.
/// </summary>
public sealed class ResponseShapes(ResponsesRequest body)
{
    public string Id { get; } = $"resp_{Guid.NewGuid():N}";
    public string MessageId { get; } = $"msg_{Guid.NewGuid():N}";
    public long CreatedAt { get; } = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>completed, or incomplete when the answer was cut at max_output_tokens.</summary>
    public static string Status(GenerationResult r) => r.FinishReason == "length" ? "incomplete" : "completed";

    public static object TextPart(string text) => new { type = "output_text", text, annotations = Array.Empty<object>(), logprobs = Array.Empty<object>() };

    public object Message(string status, string? text) => new
    {
        type = "message", id = MessageId, status, role = "assistant",
        content = text is null ? Array.Empty<object>() : [TextPart(text)],
    };

    /// <summary>The finished response: one assistant message with one output_text part, and the usage with its cost.</summary>
    public object Finished(GenerationResult r) => Response(Status(r), [Message(Status(r), r.Content)], new
    {
        input_tokens = r.PromptTokens,
        input_tokens_details = new { cached_tokens = 0 },
        output_tokens = r.CompletionTokens,
        output_tokens_details = new { reasoning_tokens = 0 },
        total_tokens = r.PromptTokens + r.CompletionTokens,
        cost = r.CostUsd,
    }, r.FinishReason == "length" ? new { reason = "max_output_tokens" } : null, null);

    /// <summary>The response as the stream announces it: in progress, no output and no usage yet.</summary>
    public object InProgress() => Response("in_progress", [], null, null, null);

    /// <summary>The response of a stream whose provider failed after it started: status failed and the error.</summary>
    public object Failed(string code, string message) => Response("failed", [], null, null, new { code, message });

    private object Response(string status, object[] output, object? usage, object? incomplete, object? error) => new
    {
        id = Id,
        @object = "response",
        created_at = CreatedAt,
        status,
        error,
        incomplete_details = incomplete,
        instructions = body.Instructions,
        max_output_tokens = body.MaxOutputTokens,
        model = body.Model,
        output,
        parallel_tool_calls = false,
        previous_response_id = (string?)null,
        store = false,
        temperature = body.Temperature,
        top_p = body.TopP,
        text = new { format = new { type = "text" } },
        tool_choice = "none",
        tools = Array.Empty<object>(),
        truncation = "disabled",
        metadata = new Dictionary<string, string>(),
        usage,
    };
}
