using LlmLab.LlmIntegration.Budgets;
using LlmLab.LlmIntegration.Pipeline;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>POST /v1/completions: the prompt as one user message, through the same rules and generation as chat completions (streamed or whole).</summary>
public static class CompletionsEndpoint
{
    public static Task CompleteAsync(HttpContext http, TenantBudgets budgets, CancellationToken ct) =>
        TextEndpoint.HandleAsync<CompletionsRequest>(http, budgets, body => body.ToChat(), Answer,
            (body, prepared, token) => CompletionsStream.WriteAsync(http, prepared.Requests.Select(r => prepared.Generation.StreamAsync(r, token)).ToList(), body, token), ct);

    private static object Answer(CompletionsRequest body, IReadOnlyList<GenerationResult> results) => new
    {
        id = $"cmpl-{Guid.NewGuid():N}",
        @object = "text_completion",
        created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        model = body.Model,
        choices = results.Select((r, index) => new { text = r.Content, index, logprobs = (object?)null, finish_reason = r.FinishReason }),
        usage = ChatCompletionShapes.Usage(results),
    };
}
