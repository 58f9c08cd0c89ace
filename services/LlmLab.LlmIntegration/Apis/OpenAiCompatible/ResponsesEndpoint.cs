using LlmLab.LlmIntegration.Budgets;
using LlmLab.LlmIntegration.Pipeline;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>POST /v1/responses, text in and out: the same validation, model resolution and generation as chat completions.</summary>
public static class ResponsesEndpoint
{
    public static Task RespondAsync(HttpContext http, TenantBudgets budgets, CancellationToken ct) =>
        TextEndpoint.HandleAsync<ResponsesRequest>(http, budgets, ResponsesMapping.ToChat, (body, results) => ResponseObject(body, results[0]), ct);

    /// <summary>OpenAI's response object: one assistant message with one output_text part; incomplete when cut at max_output_tokens.</summary>
    private static object ResponseObject(ResponsesRequest body, GenerationResult r)
    {
        var complete = r.FinishReason != "length";
        return new
        {
            id = $"resp_{Guid.NewGuid():N}",
            @object = "response",
            created_at = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            status = complete ? "completed" : "incomplete",
            error = (object?)null,
            incomplete_details = complete ? null : new { reason = "max_output_tokens" },
            instructions = body.Instructions,
            max_output_tokens = body.MaxOutputTokens,
            model = body.Model,
            output = new[]
            {
                new
                {
                    type = "message", id = $"msg_{Guid.NewGuid():N}", status = complete ? "completed" : "incomplete", role = "assistant",
                    content = new[] { new { type = "output_text", text = r.Content, annotations = Array.Empty<object>() } },
                },
            },
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
            usage = new
            {
                input_tokens = r.PromptTokens,
                input_tokens_details = new { cached_tokens = 0 },
                output_tokens = r.CompletionTokens,
                output_tokens_details = new { reasoning_tokens = 0 },
                total_tokens = r.PromptTokens + r.CompletionTokens,
                cost = r.CostUsd,
            },
        };
    }
}
