using LlmLab.LlmIntegration.Budgets;
using LlmLab.LlmIntegration.Pipeline;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>
/// The request path that /v1/completions and /v1/responses share: read the body, map it to a chat request, apply the
/// chat completions rules (validation, model resolution, budgets), generate, and answer in the endpoint's shape —
/// whole, or streamed when the mapped request asks to stream.
/// </summary>
public static class TextEndpoint
{
    public static async Task HandleAsync<TRequest>(
        HttpContext http,
        TenantBudgets budgets,
        Func<TRequest, (ChatCompletionRequest? Chat, (string Param, string Message)? Error)> toChat,
        Func<TRequest, IReadOnlyList<GenerationResult>, object> answer,
        Func<TRequest, ChatCompletionsEndpoint.PreparedChat, CancellationToken, Task> stream,
        CancellationToken ct) where TRequest : class
    {
        var (body, unreadable) = await OpenAiRequestReader.ReadAsync<TRequest>(http, ct);
        if (unreadable is not null)
        {
            await unreadable.ExecuteAsync(http);
            return;
        }
        var (chat, shapeError) = toChat(body!);
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
            if (chat!.Stream == true) await stream(body!, prepared, ct);
            else await Results.Json(answer(body!, await prepared.GenerateAllAsync(ct))).ExecuteAsync(http);
        }
        catch (ProviderException failed) when (!http.Response.HasStarted)
        {
            await OpenAiErrors.From(failed).ExecuteAsync(http);
        }
    }
}
