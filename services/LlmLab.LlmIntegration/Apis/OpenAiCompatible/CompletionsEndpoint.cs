using LlmLab.LlmIntegration.Budgets;
using LlmLab.LlmIntegration.Pipeline;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>POST /v1/completions: the prompt as one user message, through the same rules and generation as chat completions.</summary>
public static class CompletionsEndpoint
{
    public static async Task CompleteAsync(HttpContext http, TenantBudgets budgets, CancellationToken ct)
    {
        var (body, unreadable) = await OpenAiRequestReader.ReadAsync<CompletionsRequest>(http, ct);
        if (unreadable is not null)
        {
            await unreadable.ExecuteAsync(http);
            return;
        }
        var (chat, shapeError) = body!.ToChat();
        if (shapeError is { } error)
        {
            await OpenAiErrors.Invalid(error.Param, error.Message).ExecuteAsync(http);
            return;
        }
        var (prepared, refusal) = await ChatCompletionsEndpoint.PrepareAsync(http, chat, budgets);
        if (prepared is null)
        {
            await refusal!.ExecuteAsync(http);
            return;
        }
        try
        {
            var results = await prepared.GenerateAllAsync(ct);
            await Results.Json(new
            {
                id = $"cmpl-{Guid.NewGuid():N}",
                @object = "text_completion",
                created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                model = body.Model,
                choices = results.Select((r, index) => new { text = r.Content, index, logprobs = (object?)null, finish_reason = r.FinishReason }),
                usage = ChatCompletionShapes.Usage(results),
            }).ExecuteAsync(http);
        }
        catch (ProviderException failed)
        {
            await OpenAiErrors.From(failed).ExecuteAsync(http);
        }
    }
}
