using System.Diagnostics;
using Grpc.Core;
using LlmLab.Contracts.Llm;
using LlmLab.LlmIntegration.Domain;
using Microsoft.Extensions.AI;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace LlmLab.LlmIntegration.Grpc;

/// <summary>gRPC door to every provider: validates, resolves provider and model, generates, and prices the call.</summary>
public sealed class LlmGrpcService(ProviderCatalog catalog, DefaultProviderStore defaults) : LlmService.LlmServiceBase
{
    public override async Task<GenerateReply> Generate(GenerateRequest request, ServerCallContext context)
    {
        if (GenerateRequestValidator.FirstError(request) is { } error)
            throw new RpcException(new Status(StatusCode.InvalidArgument, error));

        var (provider, model) = (request.Provider, request.Model);
        if (string.IsNullOrEmpty(provider))
        {
            (provider, var defaultModel) = await defaults.GetAsync(request.TenantId);
            model = string.IsNullOrEmpty(model) ? defaultModel : model;
        }
        var resolved = catalog.Resolve(provider, model)
            ?? throw new RpcException(new Status(StatusCode.InvalidArgument, $"provider: '{provider}' with model '{model}' is not configured."));

        var messages = request.Messages.Select(m => new AiChatMessage(new ChatRole(string.IsNullOrEmpty(m.Role) ? "user" : m.Role), m.Content)).ToList();
        var started = Stopwatch.GetTimestamp();
        var response = await resolved.Client.GetResponseAsync(messages, ToOptions(request.Parameters, resolved.Model.Name), context.CancellationToken);
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var promptTokens = (int)(response.Usage?.InputTokenCount ?? 0);
        var completionTokens = (int)(response.Usage?.OutputTokenCount ?? 0);
        return new GenerateReply
        {
            Content = response.Text,
            FinishReason = response.FinishReason == ChatFinishReason.Length ? "length" : "stop",
            PromptTokens = promptTokens,
            CompletionTokens = completionTokens,
            TotalTokens = promptTokens + completionTokens,
            LatencyMs = latency,
            TimeToFirstTokenMs = latency,
            CostUsd = resolved.CostUsd(promptTokens, completionTokens),
            Provider = resolved.Provider,
            Model = resolved.Model.Name,
        };
    }

    private static ChatOptions ToOptions(GenerationParameters? p, string model) => new()
    {
        ModelId = model,
        Temperature = p is { HasTemperature: true } ? (float)p.Temperature : null,
        TopP = p is { HasTopP: true } ? (float)p.TopP : null,
        TopK = p is { HasTopK: true } ? p.TopK : null,
        MaxOutputTokens = p is { HasMaxTokens: true } ? p.MaxTokens : null,
        FrequencyPenalty = p is { HasFrequencyPenalty: true } ? (float)p.FrequencyPenalty : null,
        PresencePenalty = p is { HasPresencePenalty: true } ? (float)p.PresencePenalty : null,
        Seed = p is { HasSeed: true } ? p.Seed : null,
        StopSequences = p is { Stop.Count: > 0 } ? p.Stop.ToList() : null,
    };
}
