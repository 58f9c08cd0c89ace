using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using LlmLab.LlmIntegration.Budgets;
using LlmLab.LlmIntegration.Domain;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>
/// The way every call reaches a model: resolve the provider and model, answer from the cache when the request is
/// deterministic, wait for the provider's shared limits, call through the retry and circuit-breaker pipeline, count
/// tokens (the provider's usage wins), price the call, and record metrics.
/// </summary>
public sealed class GenerationService(
    ProviderCatalog catalog, DefaultProviderStore defaults, ResponseCache cache, ProviderLimiter limiter,
    ResiliencePolicies resilience, TokenCounter tokens, LlmMetrics metrics, IOptionsMonitor<LlmOptions> llmOptions, TenantBudgets budgets)
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(90);

    public async Task<ResolvedModel> ResolveAsync(GenerationRequest request)
    {
        var (provider, model) = (request.Provider, request.Model);
        if (string.IsNullOrEmpty(provider))
        {
            (provider, var defaultModel) = await defaults.GetAsync(request.TenantId);
            model = string.IsNullOrEmpty(model) ? defaultModel : model;
        }
        return await catalog.ResolveAsync(request.TenantId, provider, model)
            ?? throw new ProviderException(ProviderErrorKind.InvalidRequest,
                (await catalog.ProvidersAsync(request.TenantId)).ContainsKey(provider) ? $"model: '{model}' is not a model of provider '{provider}'" : $"provider: '{provider}' is not configured");
    }

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken ct)
    {
        var resolved = await ResolveAsync(request);
        var options = request.Options.Clone();
        options.ModelId = resolved.Model.Name;
        var cacheKey = ResponseCache.ShouldCache(options, request.Cache) ? ResponseCache.KeyOf(request.TenantId, resolved.Identity, resolved.Model.Name, request.Messages, options) : null;
        if (cacheKey is not null)
        {
            if (await cache.GetAsync(cacheKey) is { } hit)
            {
                metrics.CacheHit(resolved.Provider);
                return new GenerationResult(hit.Content, hit.FinishReason, hit.PromptTokens, hit.CompletionTokens, 0, 0, 0, true, resolved.Provider, resolved.Model.Name);
            }
            metrics.CacheMiss(resolved.Provider);
        }

        var estimate = tokens.Count(request.Messages) + (options.MaxOutputTokens ?? 256);
        var started = Stopwatch.GetTimestamp();
        ChatResponse response;
        await using (await limiter.AcquireAsync(resolved.Identity, resolved.Definition, estimate, ct))
        {
            response = await CallAsync(resolved, request.Messages, options, ct);
        }
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var promptTokens = (int)(response.Usage?.InputTokenCount ?? tokens.Count(request.Messages));
        var completionTokens = (int)(response.Usage?.OutputTokenCount ?? tokens.Count(response.Text));
        var finish = response.FinishReason == ChatFinishReason.Length ? "length" : "stop";
        var cost = resolved.CostUsd(promptTokens, completionTokens);
        metrics.Completed(resolved.Provider, promptTokens, completionTokens, cost, latency);
        await budgets.RecordAsync(request.TenantId, cost);
        if (cacheKey is not null)
        {
            await cache.SetAsync(cacheKey, new CachedReply(response.Text, finish, promptTokens, completionTokens), TimeSpan.FromMinutes(llmOptions.CurrentValue.CacheTtlMinutes));
        }
        return new GenerationResult(response.Text, finish, promptTokens, completionTokens, latency, latency, cost, false, resolved.Provider, resolved.Model.Name);
    }

    /// <summary>Streams text as the provider produces it; the last item carries the totals. No retry once text has flowed.</summary>
    public async IAsyncEnumerable<(string Delta, GenerationResult? Final)> StreamAsync(GenerationRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        var resolved = await ResolveAsync(request);
        var options = request.Options.Clone();
        options.ModelId = resolved.Model.Name;
        var estimate = tokens.Count(request.Messages) + (options.MaxOutputTokens ?? 256);
        var started = Stopwatch.GetTimestamp();
        double? firstToken = null;
        var text = new StringBuilder();
        UsageDetails? usage = null;
        ChatFinishReason? finishReason = null;
        await using (await limiter.AcquireAsync(resolved.Identity, resolved.Definition, estimate, ct))
        {
            var updates = resolved.Client.GetStreamingResponseAsync(request.Messages, options, ct).GetAsyncEnumerator(ct);
            try
            {
                while (await MoveNextAsync(updates, resolved.Provider))
                {
                    var update = updates.Current;
                    usage = update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details ?? usage;
                    finishReason = update.FinishReason ?? finishReason;
                    if (string.IsNullOrEmpty(update.Text)) continue;
                    firstToken ??= Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    text.Append(update.Text);
                    yield return (update.Text, null);
                }
            }
            finally
            {
                await updates.DisposeAsync();
            }
        }
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var promptTokens = (int)(usage?.InputTokenCount ?? tokens.Count(request.Messages));
        var completionTokens = (int)(usage?.OutputTokenCount ?? tokens.Count(text.ToString()));
        var cost = resolved.CostUsd(promptTokens, completionTokens);
        metrics.Completed(resolved.Provider, promptTokens, completionTokens, cost, latency);
        await budgets.RecordAsync(request.TenantId, cost);
        yield return ("", new GenerationResult(text.ToString(), finishReason == ChatFinishReason.Length ? "length" : "stop", promptTokens, completionTokens,
            latency, firstToken ?? latency, cost, false, resolved.Provider, resolved.Model.Name));
    }

    private async Task<ChatResponse> CallAsync(ResolvedModel resolved, IReadOnlyList<ChatMessage> messages, ChatOptions options, CancellationToken ct)
    {
        try
        {
            var response = await resilience.For(resolved.Identity).ExecuteAsync(async token =>
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
                attempt.CancelAfter(AttemptTimeout);
                try
                {
                    return await resolved.Client.GetResponseAsync(messages, options, attempt.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    throw ErrorClassifier.Classify(ex, resolved.Provider);
                }
            }, ct);
            metrics.Call(resolved.Provider, "ok");
            return response;
        }
        catch (BrokenCircuitException open)
        {
            metrics.Call(resolved.Provider, "circuit_open");
            throw ResiliencePolicies.CircuitOpen(resolved.Provider, open);
        }
        catch (ProviderException failed)
        {
            metrics.Call(resolved.Provider, failed.Kind.ToString());
            throw;
        }
    }

    private static async Task<bool> MoveNextAsync(IAsyncEnumerator<ChatResponseUpdate> updates, string provider)
    {
        try
        {
            return await updates.MoveNextAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw ErrorClassifier.Classify(ex, provider);
        }
    }
}
