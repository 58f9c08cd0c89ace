using System.Globalization;
using LlmLab.LlmIntegration.Budgets;
using LlmLab.LlmIntegration.Domain;
using LlmLab.LlmIntegration.Pipeline;
using LlmLab.ServiceKit;

namespace LlmLab.LlmIntegration.Apis.OpenAiCompatible;

/// <summary>POST /v1/chat/completions: validate, resolve the model (404 model_not_found), refuse what the provider cannot do, generate n choices.</summary>
public static class ChatCompletionsEndpoint
{
    public static async Task CompleteAsync(HttpContext http, TenantBudgets budgets, CancellationToken ct)
    {
        var (body, unreadable) = await OpenAiRequestReader.ReadAsync<ChatCompletionRequest>(http, ct);
        var (prepared, refusal) = unreadable is null ? await PrepareAsync(http, body, budgets) : (null, unreadable);
        if (prepared is null)
        {
            await refusal!.ExecuteAsync(http);
            return;
        }
        var id = $"chatcmpl-{Guid.NewGuid():N}";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        try
        {
            if (body!.Stream == true) await ChatCompletionStream.WriteAsync(http, prepared.Generation, body, prepared.Requests, id, created, ct);
            else await WriteCompletionAsync(http, await prepared.GenerateAllAsync(ct), body, id, created);
        }
        catch (ProviderException failed) when (!http.Response.HasStarted)
        {
            await OpenAiErrors.From(failed).ExecuteAsync(http);
        }
    }

    /// <summary>Validation, the budget, the model (404 model_not_found) and the provider's features, in that order.</summary>
    public static async Task<(PreparedChat? Prepared, IResult? Refusal)> PrepareAsync(HttpContext http, ChatCompletionRequest? body, TenantBudgets budgets)
    {
        if (ChatCompletionValidator.FirstError(body) is { } error) return (null, OpenAiErrors.Invalid(error.Param, error.Message));
        if (await budgets.RefusalAsync(http.TenantId()!) is { } refusal) return (null, OpenAiErrors.InsufficientQuota(refusal));
        // Resolved only once the request is valid: building the pipeline loads the tokenizer, which a refusal should not wait for.
        var generation = http.RequestServices.GetRequiredService<GenerationService>();
        var requests = Requests(http.TenantId()!, body!);
        ResolvedModel resolved;
        try
        {
            resolved = await generation.ResolveAsync(requests[0]);
        }
        catch (ProviderException missing) when (missing.Kind == ProviderErrorKind.InvalidRequest)
        {
            return (null, OpenAiErrors.ModelNotFound(body!.Model!, missing.Message));
        }
        if (ProviderFeatures.Refusal(body!, resolved) is { } unsupported) return (null, OpenAiErrors.Invalid(unsupported.Param, unsupported.Message));
        return (new PreparedChat(generation, requests), null);
    }

    /// <summary>One generation per choice (n), each seeded apart when the request is seeded.</summary>
    private static List<GenerationRequest> Requests(string tenantId, ChatCompletionRequest body)
    {
        var (provider, model) = OpenAiCompatibleApi.SplitModel(body.Model!);
        var messages = ChatRequestMapping.Messages(body);
        bool? cache = ChatRequestMapping.Uncacheable(body) ? false : null;
        return Enumerable.Range(0, body.N ?? 1)
            .Select(choice => new GenerationRequest(tenantId, provider, model, messages, ChatRequestMapping.Options(body, choice), cache))
            .ToList();
    }

    /// <summary>A request ready to generate: one <see cref="GenerationRequest"/> per choice.</summary>
    public sealed record PreparedChat(GenerationService Generation, IReadOnlyList<GenerationRequest> Requests)
    {
        public async Task<IReadOnlyList<GenerationResult>> GenerateAllAsync(CancellationToken ct) =>
            await Task.WhenAll(Requests.Select(r => Generation.GenerateAsync(r, ct)));
    }

    private static async Task WriteCompletionAsync(HttpContext http, IReadOnlyList<GenerationResult> results, ChatCompletionRequest body, string id, long created)
    {
        http.Response.Headers["x-llmlab-cache"] = results.All(r => r.CacheHit) ? "hit" : "miss";
        http.Response.Headers["x-llmlab-cost-usd"] = results.Sum(r => r.CostUsd).ToString("G6", CultureInfo.InvariantCulture);
        await Results.Json(ChatCompletionShapes.Completion(id, created, body.Model!, results, body.Logprobs == true)).ExecuteAsync(http);
    }
}
