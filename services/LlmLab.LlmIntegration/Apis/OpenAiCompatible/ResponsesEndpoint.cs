using LlmLab.LlmIntegration.Budgets;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>POST /v1/responses, text in and out (streamed or whole): the same validation, model resolution and generation as chat completions.</summary>
public static class ResponsesEndpoint
{
    public static Task RespondAsync(HttpContext http, TenantBudgets budgets, CancellationToken ct) =>
        TextEndpoint.HandleAsync<ResponsesRequest>(http, budgets, ResponsesMapping.ToChat,
            (body, results) => new ResponseShapes(body).Finished(results[0]),
            (body, prepared, token) => ResponsesStream.WriteAsync(http, prepared.Generation.StreamAsync(prepared.Requests[0], token), new ResponseShapes(body), token),
            ct);
}
