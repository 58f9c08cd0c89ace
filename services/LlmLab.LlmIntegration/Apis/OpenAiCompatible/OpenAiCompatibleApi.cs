using System.Text.Json;
using LlmLab.LlmIntegration.Budgets;
using LlmLab.LlmIntegration.Domain;
using LlmLab.LlmIntegration.Pipeline;
using LlmLab.ServiceKit;
using Microsoft.Extensions.AI;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>
/// POST /v1/chat/completions and GET /v1/models in OpenAI's wire format, streaming (SSE) and not, so any OpenAI SDK can
/// use the platform — its cache, limits, cost tracking and tracing — as a proxy. Model ids are "model" or "provider/model".
/// </summary>
public static class OpenAiCompatibleApi
{
    /// <summary>Room for 100,000 characters of messages however they are escaped, plus the request's other fields.</summary>
    public const long MaxBodyBytes = 2 * 1024 * 1024;

    public static IEndpointRouteBuilder MapOpenAiCompatibleApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").RequireTenant();
        v1.MapPost("/chat/completions", CompleteAsync).WithBodyCap(MaxBodyBytes);
        v1.MapGet("/models", ListModelsAsync);
        return app;
    }

    public static async Task<IResult> ListModelsAsync(HttpContext http, ProviderCatalog catalog)
    {
        var data = (await catalog.ProvidersAsync(http.TenantId()!)).Values
            .SelectMany(p => p.Definition.Models.Select(m => new { id = $"{p.Name}/{m.Name}", @object = "model", created = 0, owned_by = p.Name }))
            .ToList();
        return Results.Json(new { @object = "list", data });
    }

    public static async Task CompleteAsync(HttpContext http, TenantBudgets budgets, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
        {
            await OpenAiErrors.Invalid("Content-Type", "must be application/json.", StatusCodes.Status415UnsupportedMediaType).ExecuteAsync(http);
            return;
        }
        ChatCompletionRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ChatCompletionRequest>(http.Request.Body, cancellationToken: ct);
        }
        catch (JsonException ex)
        {
            await OpenAiErrors.Invalid(ex.Path ?? "body", ex.Message).ExecuteAsync(http);
            return;
        }
        catch (BadHttpRequestException ex)
        {
            // The body outgrew the endpoint's cap while being read (sent without a Content-Length).
            await OpenAiErrors.Invalid("body", ex.Message, ex.StatusCode).ExecuteAsync(http);
            return;
        }
        if (ChatCompletionValidator.FirstError(body) is { } error)
        {
            await OpenAiErrors.Invalid(error.Param, error.Message).ExecuteAsync(http);
            return;
        }

        if (await budgets.RefusalAsync(http.TenantId()!) is { } refusal)
        {
            await OpenAiErrors.InsufficientQuota(refusal).ExecuteAsync(http);
            return;
        }
        // Resolved only once the request is valid: building the pipeline loads the tokenizer, which a refusal should not wait for.
        var generation = http.RequestServices.GetRequiredService<GenerationService>();
        var (provider, model) = SplitModel(body!.Model!);
        var request = new GenerationRequest(http.TenantId()!, provider, model,
            body.Messages!.Select(m => new ChatMessage(new ChatRole(m.Role!), m.Text())).ToList(), ToOptions(body), Cache: null);
        var id = $"chatcmpl-{Guid.NewGuid():N}";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        try
        {
            if (body.Stream == true) await StreamAsync(http, generation, request, id, created, body.Model!, ct);
            else await WriteCompletionAsync(http, await generation.GenerateAsync(request, ct), id, created, body.Model!);
        }
        catch (ProviderException failed) when (!http.Response.HasStarted)
        {
            await OpenAiErrors.From(failed).ExecuteAsync(http);
        }
    }

    private static async Task WriteCompletionAsync(HttpContext http, GenerationResult r, string id, long created, string model)
    {
        http.Response.Headers["x-llmlab-cache"] = r.CacheHit ? "hit" : "miss";
        http.Response.Headers["x-llmlab-cost-usd"] = r.CostUsd.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
        await Results.Json(new
        {
            id, @object = "chat.completion", created, model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = r.Content }, finish_reason = r.FinishReason } },
            usage = new { prompt_tokens = r.PromptTokens, completion_tokens = r.CompletionTokens, total_tokens = r.PromptTokens + r.CompletionTokens },
        }).ExecuteAsync(http);
    }

    private static async Task StreamAsync(HttpContext http, GenerationService generation, GenerationRequest request, string id, long created, string model, CancellationToken ct)
    {
        var first = true;
        await foreach (var (delta, final) in generation.StreamAsync(request, ct))
        {
            if (first)
            {
                http.Response.ContentType = "text/event-stream";
                http.Response.Headers.CacheControl = "no-cache";
                await WriteChunkAsync(http, new { id, @object = "chat.completion.chunk", created, model, choices = new[] { new { index = 0, delta = new { role = "assistant", content = "" }, finish_reason = (string?)null } } }, ct);
                first = false;
            }
            if (final is null)
            {
                await WriteChunkAsync(http, new { id, @object = "chat.completion.chunk", created, model, choices = new[] { new { index = 0, delta = new { content = delta }, finish_reason = (string?)null } } }, ct);
                continue;
            }
            await WriteChunkAsync(http, new
            {
                id, @object = "chat.completion.chunk", created, model,
                choices = new[] { new { index = 0, delta = new { }, finish_reason = final.FinishReason } },
                usage = new { prompt_tokens = final.PromptTokens, completion_tokens = final.CompletionTokens, total_tokens = final.PromptTokens + final.CompletionTokens },
            }, ct);
        }
        await http.Response.WriteAsync("data: [DONE]\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
    }

    private static async Task WriteChunkAsync(HttpContext http, object chunk, CancellationToken ct)
    {
        await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
    }

    private static (string Provider, string Model) SplitModel(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? (id[..slash], id[(slash + 1)..]) : ("", id);
    }

    private static ChatOptions ToOptions(ChatCompletionRequest body) => new()
    {
        Temperature = (float?)body.Temperature,
        TopP = (float?)body.TopP,
        MaxOutputTokens = body.MaxCompletionTokens ?? body.MaxTokens,
        FrequencyPenalty = (float?)body.FrequencyPenalty,
        PresencePenalty = (float?)body.PresencePenalty,
        Seed = body.Seed,
        StopSequences = body.Stop switch
        {
            { ValueKind: JsonValueKind.String } s => [s.GetString()!],
            { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Select(x => x.GetString() ?? "").Where(x => x.Length > 0).ToList(),
            _ => null,
        },
    };
}
