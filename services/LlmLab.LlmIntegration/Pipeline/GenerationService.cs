using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using LlmLab.LlmIntegration.Budgets;
using LlmLab.LlmIntegration.Domain;
using Microsoft.Extensions.AI;
using Polly.CircuitBreaker;

namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>
/// The way every call reaches a model: resolve the provider and model, answer from the cache when the request is
/// deterministic, wait for the provider's shared limits, call through the retry and circuit-breaker pipeline, count
/// tokens (the provider's usage wins), price the call, and record metrics.
/// </summary>
public sealed class GenerationService(
    ProviderCatalog catalog, DefaultProviderStore defaults, ResponseCache cache, ProviderLimiter limiter,
    ResiliencePolicies resilience, AdaptiveLimits adaptive, TokenCounter tokens, LlmMetrics metrics, TenantBudgets budgets)
{
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
            response = await CallAsync(resolved, token => resolved.Client.GetResponseAsync(request.Messages, options, token), ct);
        }
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var promptTokens = (int)(response.Usage?.InputTokenCount ?? tokens.Count(request.Messages));
        var completionTokens = (int)(response.Usage?.OutputTokenCount ?? tokens.Count(response.Text));
        var finish = FinishReasonOf(response.FinishReason);
        var cost = resolved.CostUsd(promptTokens, completionTokens);
        metrics.Completed(resolved.Provider, promptTokens, completionTokens, cost, latency);
        await budgets.RecordAsync(request.TenantId, cost);
        if (cacheKey is not null && !await cache.TryStoreAsync(request.TenantId, cacheKey, new CachedReply(response.Text, finish, promptTokens, completionTokens)))
        {
            metrics.CacheWriteFailed(resolved.Provider);
        }
        return new GenerationResult(response.Text, finish, promptTokens, completionTokens, latency, latency, cost, false, resolved.Provider, resolved.Model.Name)
        {
            ToolCalls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList(),
            Logprobs = LogprobRequest.Of(response) ?? Providers.OpenAiLogprobs.Of(response.RawRepresentation),
        };
    }

    /// <summary>OpenAI's finish reasons, which the gRPC contract and the stored responses use too.</summary>
    public static string FinishReasonOf(ChatFinishReason? reason) =>
        reason == ChatFinishReason.Length ? "length"
        : reason == ChatFinishReason.ToolCalls ? "tool_calls"
        : reason == ChatFinishReason.ContentFilter ? "content_filter"
        : "stop";

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
            // The whole call is bounded by the provider's timeout; each wait for the next chunk by its stream idle timeout.
            using var call = CancellationTokenSource.CreateLinkedTokenSource(ct);
            call.CancelAfter(resolved.Definition.Timeout);
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(call.Token);
            var slot = await adaptive.For(resolved.Provider, resolved.Definition).EnterAsync(ct);
            var updates = resolved.Client.GetStreamingResponseAsync(request.Messages, options, idle.Token).GetAsyncEnumerator(idle.Token);
            try
            {
                while (await MoveNextAsync(updates, resolved, slot, idle, call, ct))
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
                slot.Failed(null); // a no-op when the stream ended or failed with a reason
                await updates.DisposeAsync();
            }
        }
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var promptTokens = (int)(usage?.InputTokenCount ?? tokens.Count(request.Messages));
        var completionTokens = (int)(usage?.OutputTokenCount ?? tokens.Count(text.ToString()));
        var cost = resolved.CostUsd(promptTokens, completionTokens);
        metrics.Completed(resolved.Provider, promptTokens, completionTokens, cost, latency);
        await budgets.RecordAsync(request.TenantId, cost);
        yield return ("", new GenerationResult(text.ToString(), FinishReasonOf(finishReason), promptTokens, completionTokens,
            latency, firstToken ?? latency, cost, false, resolved.Provider, resolved.Model.Name));
    }

    /// <summary>
    /// One provider call through the retries and circuit breaker, each attempt under the provider's learned concurrency
    /// and timeout; failures become one <see cref="ProviderException"/> kind. The caller holds the shared limits.
    /// </summary>
    internal async Task<T> CallAsync<T>(ResolvedModel resolved, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var attempts = 0;
        try
        {
            var response = await resilience.For(resolved.Identity).ExecuteAsync(async token =>
            {
                attempts++;
                // Each attempt, retries included, takes a place under the provider's learned concurrency.
                var slot = await adaptive.For(resolved.Provider, resolved.Definition).EnterAsync(token);
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
                attempt.CancelAfter(resolved.Definition.Timeout);
                try
                {
                    var answer = await call(attempt.Token);
                    slot.Succeeded();
                    return answer;
                }
                catch (OperationCanceledException timedOut) when (attempt.IsCancellationRequested && !token.IsCancellationRequested)
                {
                    throw Failed(slot, TimedOut(resolved, resolved.Definition.Timeout, timedOut));
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    throw Failed(slot, ErrorClassifier.Classify(ex, resolved.Provider));
                }
                finally
                {
                    slot.Failed(null); // the caller cancelled; a no-op when the attempt already said how it ended
                }
            }, ct);
            metrics.Call(resolved.Provider, "ok");
            return response;
        }
        catch (BrokenCircuitException open)
        {
            metrics.Call(resolved.Provider, "circuit_open");
            var refused = ResiliencePolicies.CircuitOpen(resolved.Provider, open);
            refused.Attempts = attempts;
            throw refused;
        }
        catch (ProviderException failed)
        {
            metrics.Call(resolved.Provider, failed.Kind.ToString());
            failed.Attempts = attempts;
            throw;
        }
    }

    private static ProviderException Failed(AdaptiveConcurrency.Slot slot, ProviderException failure)
    {
        slot.Failed(failure);
        return failure;
    }

    private static ProviderException TimedOut(ResolvedModel resolved, TimeSpan after, Exception inner) =>
        new(ProviderErrorKind.Timeout, $"{resolved.Provider}: no answer within {after.TotalSeconds:0.#} s", null, inner);

    private static async Task<bool> MoveNextAsync(IAsyncEnumerator<ChatResponseUpdate> updates, ResolvedModel resolved, AdaptiveConcurrency.Slot slot,
        CancellationTokenSource idle, CancellationTokenSource call, CancellationToken caller)
    {
        idle.CancelAfter(resolved.Definition.StreamIdleTimeout);
        try
        {
            var more = await updates.MoveNextAsync();
            if (!more) slot.Succeeded();
            return more;
        }
        catch (OperationCanceledException timedOut) when (!caller.IsCancellationRequested)
        {
            throw Failed(slot, call.IsCancellationRequested
                ? TimedOut(resolved, resolved.Definition.Timeout, timedOut)
                : new ProviderException(ProviderErrorKind.Timeout,
                    $"{resolved.Provider}: the stream was silent for {resolved.Definition.StreamIdleTimeout.TotalSeconds:0.#} s", null, timedOut));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Failed(slot, ErrorClassifier.Classify(ex, resolved.Provider));
        }
    }
}
