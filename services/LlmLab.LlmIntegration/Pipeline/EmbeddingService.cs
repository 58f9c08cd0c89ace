using System.Diagnostics;
using LlmLab.LlmIntegration.Budgets;
using LlmLab.LlmIntegration.Providers;
using Microsoft.Extensions.AI;

namespace LlmLab.LlmIntegration.Pipeline;

/// <summary>
/// Embeddings from a tenant's OpenAI-compatible provider, resolved like a chat call (the tenant's providers, its
/// default when none is named, the provider's listed models) and sent through the same shared limits, retries, circuit
/// breaker and checked connections. The price is the model's input price per million tokens.
/// </summary>
public sealed class EmbeddingService(GenerationService generation, EmbeddingGeneratorFactory generators, ProviderLimiter limiter,
    TokenCounter tokens, LlmMetrics metrics, TenantBudgets budgets)
{
    public async Task<EmbeddingResult> EmbedAsync(EmbeddingRequest request, CancellationToken ct)
    {
        var resolved = await generation.ResolveAsync(new GenerationRequest(request.TenantId, request.Provider, request.Model, [], new ChatOptions(), null));
        var generator = generators.For(resolved) ?? throw new ProviderException(ProviderErrorKind.InvalidRequest,
            $"model: provider '{resolved.Provider}' is of kind {resolved.Definition.Kind.ToString().ToLowerInvariant()}, which serves no embeddings " +
            "(only OpenAI-compatible providers do)");
        var options = new EmbeddingGenerationOptions { ModelId = resolved.Model.Name, Dimensions = request.Dimensions };
        var estimate = request.Inputs.Sum(text => tokens.Count(text));
        var started = Stopwatch.GetTimestamp();
        GeneratedEmbeddings<Embedding<float>> embeddings;
        await using (await limiter.AcquireAsync(resolved.Identity, resolved.Definition, estimate, ct))
        {
            embeddings = await generation.CallAsync(resolved, token => generator.GenerateAsync(request.Inputs, options, token), ct);
        }
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (embeddings.Count != request.Inputs.Count)
        {
            throw new ProviderException(ProviderErrorKind.ServerError,
                $"{resolved.Provider}: answered {embeddings.Count} embeddings for {request.Inputs.Count} inputs");
        }
        var promptTokens = (int)(embeddings.Usage?.InputTokenCount ?? estimate);
        var cost = resolved.CostUsd(promptTokens, 0);
        metrics.Completed(resolved.Provider, promptTokens, 0, cost, latency);
        await budgets.RecordAsync(request.TenantId, cost);
        return new EmbeddingResult(embeddings.Select(e => e.Vector).ToList(), resolved.Provider, resolved.Model.Name, promptTokens, cost, latency);
    }
}

public sealed record EmbeddingRequest(string TenantId, string Provider, string Model, IReadOnlyList<string> Inputs, int? Dimensions);

public sealed record EmbeddingResult(IReadOnlyList<ReadOnlyMemory<float>> Vectors, string Provider, string Model, int PromptTokens,
    double CostUsd, double LatencyMs);
